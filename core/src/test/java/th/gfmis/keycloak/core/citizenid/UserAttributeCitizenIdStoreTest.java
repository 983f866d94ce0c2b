package th.gfmis.keycloak.core.citizenid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.domain.CitizenId;
import th.gfmis.keycloak.domain.KeyedHash;

class UserAttributeCitizenIdStoreTest {

  private static final String OLD = "an-older-secret-of-enough-bytes";
  private static final String NEW = "a-real-secret-of-32-bytes-length";
  private static final CitizenId SOMCHAI = CitizenId.parse("2-3456-87383-51-8").orElseThrow();
  private static final CitizenId SUDA = CitizenId.parse("1101700123456").orElseThrow();

  private final Map<String, String> attributes = new HashMap<>();
  private final UserModel user = fakeUser(attributes);

  private static UserAttributeCitizenIdStore store(String key, String id, String previous) {
    return new UserAttributeCitizenIdStore(CitizenIdHashKeys.from(key, id, previous, false));
  }

  @Test
  void storesAHashThatNamesItsKeyAndTheLastFourDigits() {
    UserAttributeCitizenIdStore store = store(NEW, "2026", null);
    store.store(user, SOMCHAI);
    String stored = attributes.get(UserAttributeCitizenIdStore.HASH_ATTRIBUTE);
    assertTrue(stored.startsWith("2026:"), stored);
    assertFalse(stored.contains(SOMCHAI.digits()));
    assertEquals("3518", attributes.get(UserAttributeCitizenIdStore.LAST_FOUR_ATTRIBUTE));
    assertEquals(Optional.of("2026"), store.hashKeyId(user));
    assertTrue(store.matches(user, SOMCHAI));
    assertFalse(store.matches(user, SUDA));
    assertEquals(stored, attributes.get(UserAttributeCitizenIdStore.HASH_ATTRIBUTE));
  }

  @Test
  void aHashUnderAnOlderKeyIsRewrittenUnderTheCurrentKeyWhenItMatches() {
    store(OLD, "2025", null).store(user, SOMCHAI);
    String underOld = attributes.get(UserAttributeCitizenIdStore.HASH_ATTRIBUTE);
    UserAttributeCitizenIdStore rotated = store(NEW, "2026", "2025:" + OLD);

    assertFalse(rotated.matches(user, SUDA));
    assertEquals(underOld, attributes.get(UserAttributeCitizenIdStore.HASH_ATTRIBUTE), "kept");

    assertTrue(rotated.matches(user, SOMCHAI));
    assertEquals(Optional.of("2026"), rotated.hashKeyId(user));
    assertTrue(rotated.matches(user, SOMCHAI));
    assertTrue(store(NEW, "2026", null).matches(user, SOMCHAI), "old key no longer needed");
  }

  @Test
  void aHashFromBeforeKeyIdsMatchesAndIsUpgraded() {
    String legacy =
        new KeyedHash(CitizenIdHashKeys.DEMO_KEY.getBytes(StandardCharsets.UTF_8))
            .hash(UserAttributeCitizenIdStore.HASH_CONTEXT, SOMCHAI.digits());
    attributes.put(UserAttributeCitizenIdStore.HASH_ATTRIBUTE, legacy);
    UserAttributeCitizenIdStore store = store(NEW, "2026", "demo:" + CitizenIdHashKeys.DEMO_KEY);
    assertEquals(Optional.empty(), store.hashKeyId(user));
    assertFalse(store.matches(user, SUDA));
    assertTrue(store.matches(user, SOMCHAI));
    assertEquals(Optional.of("2026"), store.hashKeyId(user));
  }

  @Test
  void aHashUnderAKeyNoLongerConfiguredDoesNotMatch() {
    store(OLD, "2025", null).store(user, SOMCHAI);
    assertFalse(store(NEW, "2026", null).matches(user, SOMCHAI));
  }

  @Test
  void withoutAKeyCitizenIdsAreRefusedButCanBeShownAndRemoved() {
    store(NEW, "2026", null).store(user, SOMCHAI);
    UserAttributeCitizenIdStore refusing = store(null, null, null);
    assertFalse(refusing.available());
    assertEquals(Optional.empty(), refusing.currentKeyId());
    CitizenIdUnavailableException refused =
        assertThrows(CitizenIdUnavailableException.class, () -> refusing.matches(user, SOMCHAI));
    assertTrue(refused.getMessage().contains("no hash-key"), refused.getMessage());
    assertThrows(CitizenIdUnavailableException.class, () -> refusing.store(user, SUDA));
    assertEquals(Optional.of("3518"), refusing.lastFour(user));
    refusing.remove(user);
    assertTrue(attributes.isEmpty());
  }

  /** A user with just the attribute methods the store uses. */
  private static UserModel fakeUser(Map<String, String> attributes) {
    return (UserModel)
        Proxy.newProxyInstance(
            UserModel.class.getClassLoader(),
            new Class<?>[] {UserModel.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getId" -> "user-1";
                  case "getFirstAttribute" -> attributes.get((String) args[0]);
                  case "setSingleAttribute" -> attributes.put((String) args[0], (String) args[1]);
                  case "removeAttribute" -> attributes.remove((String) args[0]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
