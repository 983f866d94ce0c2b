package th.gfmis.keycloak.core.citizenid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CitizenIdHashKeysTest {

  private static final String REAL = "a-real-secret-of-32-bytes-length";
  private static final String OLD = "an-older-secret-of-enough-bytes";

  @Test
  void productionWithoutAKeyRefusesCitizenIds() {
    CitizenIdHashKeys keys = CitizenIdHashKeys.from(null, null, null, false);
    assertTrue(keys.ring().isEmpty());
    assertEquals("no hash-key is configured", keys.problem().orElseThrow());
    assertTrue(CitizenIdHashKeys.from("  ", null, null, false).ring().isEmpty());
  }

  @Test
  void productionRefusesThePublishedDemoKey() {
    CitizenIdHashKeys keys = CitizenIdHashKeys.from(CitizenIdHashKeys.DEMO_KEY, null, null, false);
    assertTrue(keys.ring().isEmpty());
    assertTrue(keys.problem().orElseThrow().contains("demo key"));
  }

  @Test
  void startDevFallsBackToTheDemoKeyWithAWarning() {
    CitizenIdHashKeys keys = CitizenIdHashKeys.from(null, null, null, true);
    assertEquals("demo", keys.ring().orElseThrow().currentKeyId());
    assertEquals(1, keys.warnings().size());
    assertTrue(
        CitizenIdHashKeys.from(CitizenIdHashKeys.DEMO_KEY, null, null, true).ring().isPresent());
  }

  @Test
  void aRealKeyWorksEverywhereUnderItsId() {
    assertEquals(
        "1", CitizenIdHashKeys.from(REAL, null, null, false).ring().orElseThrow().currentKeyId());
    CitizenIdHashKeys keys = CitizenIdHashKeys.from(REAL, "2026", null, false);
    assertEquals("2026", keys.ring().orElseThrow().currentKeyId());
    assertTrue(keys.warnings().isEmpty());
    assertTrue(keys.problem().isEmpty());
  }

  @Test
  void aKeyThatIsSetButUnusableIsRefusedEvenInStartDev() {
    for (boolean dev : new boolean[] {true, false}) {
      assertTrue(
          CitizenIdHashKeys.from("short-15-bytes!", null, null, dev)
              .problem()
              .orElseThrow()
              .contains("shorter than 16 bytes"));
      assertTrue(CitizenIdHashKeys.from(REAL, "bad:id", null, dev).ring().isEmpty());
      assertTrue(CitizenIdHashKeys.from(REAL, "2", "1-no-colon-here-at-all", dev).ring().isEmpty());
      assertTrue(CitizenIdHashKeys.from(REAL, "2", "1:short", dev).ring().isEmpty());
      assertTrue(CitizenIdHashKeys.from(REAL, "2", "2:" + OLD, dev).ring().isEmpty(), "same id");
      assertTrue(
          CitizenIdHashKeys.from(REAL, "3", "1:" + OLD + ",1:" + OLD + "x", dev).ring().isEmpty());
    }
  }

  @Test
  void olderKeysAreListedAsIdColonSecret() {
    CitizenIdHashKeys keys =
        CitizenIdHashKeys.from(
            REAL, "2026", " 2025:" + OLD + " , demo:" + CitizenIdHashKeys.DEMO_KEY, false);
    String ring = keys.ring().orElseThrow().toString();
    assertTrue(ring.contains("[2026, 2025, demo]"), ring);
    assertFalse(ring.contains(OLD), "no secret in the description");
    assertEquals(1, keys.warnings().size(), "the demo key as an older key is a warning");
  }
}
