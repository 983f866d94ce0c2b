package th.gfmis.keycloak.core.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SingleUseStoresTest {

  @Test
  void aKeyIsThePrefixAndThePartsJoinedByColons() {
    assertEquals(
        "gfmis-st-ch-done:realm-1:challenge-9",
        SingleUseStores.SOFTTOKEN_ANSWERED_CHALLENGES.key("realm-1", "challenge-9"));
    assertEquals(
        "gfmis-reset-miss:address:realm-1:10.0.0.7",
        SingleUseStores.RESET_MISSES_PER_ADDRESS.key("realm-1", "10.0.0.7"));
  }

  @Test
  void noTwoStoresShareAPrefix() {
    Set<String> prefixes = new HashSet<>();
    for (SingleUseStores store : SingleUseStores.values()) {
      assertTrue(prefixes.add(store.prefix()), store.name());
      assertTrue(store.prefix().startsWith("gfmis-"), store.name());
    }
    for (SingleUseStores a : SingleUseStores.values()) {
      for (SingleUseStores b : SingleUseStores.values()) {
        if (a != b) {
          assertFalse(a.key("x").startsWith(b.prefix()), a + " inside " + b);
        }
      }
    }
  }
}
