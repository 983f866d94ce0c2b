package th.gfmis.keycloak.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.domain.KeyedHashRing.Match;

class KeyedHashRingTest {

  private static final String CONTEXT = "citizen-id";
  private static final String CID = "2345687383518";
  private static final KeyedHash OLD = key("old-secret-of-sixteen-bytes");
  private static final KeyedHash NEW = key("new-secret-of-sixteen-bytes");

  private static KeyedHash key(String secret) {
    return new KeyedHash(secret.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void newHashesNameTheCurrentKey() {
    KeyedHashRing ring = new KeyedHashRing("2026", NEW, Map.of("2025", OLD));
    String stored = ring.hash(CONTEXT, CID);
    assertEquals("2026:" + NEW.hash(CONTEXT, CID), stored);
    assertEquals(Optional.of("2026"), KeyedHashRing.keyIdOf(stored));
    assertEquals(Match.CURRENT, ring.match(CONTEXT, CID, stored));
    assertEquals(Match.NO_MATCH, ring.match(CONTEXT, "1101700123456", stored));
  }

  @Test
  void aHashUnderAnOlderKeyMatchesAndIsOutdated() {
    String underOld = new KeyedHashRing("2025", OLD, Map.of()).hash(CONTEXT, CID);
    KeyedHashRing rotated = new KeyedHashRing("2026", NEW, Map.of("2025", OLD));
    assertEquals(Match.OUTDATED, rotated.match(CONTEXT, CID, underOld));
    assertEquals(Match.NO_MATCH, rotated.match(CONTEXT, "1101700123456", underOld));
  }

  @Test
  void aHashIsCheckedOnlyUnderTheKeyItNames() {
    // The old key's hash relabelled as the new key's must not match.
    String forged = "2026:" + OLD.hash(CONTEXT, CID);
    KeyedHashRing ring = new KeyedHashRing("2026", NEW, Map.of("2025", OLD));
    assertEquals(Match.NO_MATCH, ring.match(CONTEXT, CID, forged));
  }

  @Test
  void aHashFromBeforeKeyIdsIsTriedUnderEveryKey() {
    String legacyOld = OLD.hash(CONTEXT, CID);
    String legacyNew = NEW.hash(CONTEXT, CID);
    KeyedHashRing ring = new KeyedHashRing("2026", NEW, Map.of("2025", OLD));
    assertEquals(Optional.empty(), KeyedHashRing.keyIdOf(legacyOld));
    assertEquals(Match.OUTDATED, ring.match(CONTEXT, CID, legacyOld));
    assertEquals(Match.OUTDATED, ring.match(CONTEXT, CID, legacyNew), "re-written with its id");
    assertEquals(Match.NO_MATCH, ring.match(CONTEXT, "1101700123456", legacyOld));
  }

  @Test
  void aHashUnderARemovedKeyCannotMatch() {
    String underOld = new KeyedHashRing("2025", OLD, Map.of()).hash(CONTEXT, CID);
    KeyedHashRing withoutOld = new KeyedHashRing("2026", NEW, Map.of());
    assertEquals(Match.UNKNOWN_KEY, withoutOld.match(CONTEXT, CID, underOld));
  }

  @Test
  void nothingMatchesMissingValues() {
    KeyedHashRing ring = new KeyedHashRing("1", NEW, Map.of());
    assertEquals(Match.NO_MATCH, ring.match(CONTEXT, CID, null));
    assertEquals(Match.NO_MATCH, ring.match(CONTEXT, null, ring.hash(CONTEXT, CID)));
    assertEquals(Match.NO_MATCH, ring.match(CONTEXT, CID, ""));
    assertEquals(Match.NO_MATCH, ring.match(CONTEXT, CID, "1:"));
  }

  @Test
  void keyIdsAreShortAndUnique() {
    assertThrows(IllegalArgumentException.class, () -> new KeyedHashRing("a:b", NEW, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> new KeyedHashRing("", NEW, Map.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new KeyedHashRing("x".repeat(33), NEW, Map.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new KeyedHashRing("1", NEW, Map.of("1", OLD)));
    assertTrue(new KeyedHashRing("k-2026.1_a", NEW, Map.of()).toString().contains("k-2026.1_a"));
    assertNotEquals(
        new KeyedHashRing("1", NEW, Map.of()).hash(CONTEXT, CID),
        new KeyedHashRing("1", OLD, Map.of()).hash(CONTEXT, CID));
  }
}
