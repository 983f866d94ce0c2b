package th.gfmis.keycloak.softtoken.server.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnrollmentGrantTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

  @Test
  void holdsFromTheGrantUntilItsExpiryExclusive() {
    EnrollmentGrant grant = EnrollmentGrant.issue(RANDOM, NOW, Duration.ofDays(7));
    assertTrue(grant.holdsAt(NOW));
    assertTrue(grant.holdsAt(NOW.plus(Duration.ofDays(7)).minusSeconds(1)));
    assertFalse(grant.holdsAt(NOW.plus(Duration.ofDays(7))), "expired at the end");
    assertFalse(grant.holdsAt(NOW.minusSeconds(1)), "not before it was given");
  }

  @Test
  void storedFormRoundTripsAndOnlyThatFormIsAGrant() {
    EnrollmentGrant grant = EnrollmentGrant.issue(RANDOM, NOW, Duration.ofDays(3));
    assertEquals(Optional.of(grant), EnrollmentGrant.decode(grant.encode()));
    assertEquals(22, grant.id().length(), "128 random bits");
    assertNotEquals(grant.id(), EnrollmentGrant.issue(RANDOM, NOW, Duration.ofDays(3)).id());
    for (String bad :
        new String[] {
          null,
          "",
          "yes",
          "v1:short:1:2",
          "v2:" + grant.id() + ":1:2",
          "v1:" + grant.id() + ":200:100",
          "v1:" + grant.id() + ":100:100",
          grant.encode() + ":extra",
          "v1:" + grant.id() + ":-1:100"
        }) {
      assertEquals(Optional.empty(), EnrollmentGrant.decode(bad), String.valueOf(bad));
    }
  }

  @Test
  void isNamedComparesTheWholeId() {
    EnrollmentGrant grant = EnrollmentGrant.issue(RANDOM, NOW, Duration.ofDays(1));
    assertTrue(grant.isNamed(grant.id()));
    assertFalse(grant.isNamed(grant.id().substring(1)));
    assertFalse(grant.isNamed(null));
    assertFalse(grant.isNamed(""));
  }

  @Test
  void aGrantMustHoldForSomeTime() {
    assertThrows(
        IllegalArgumentException.class, () -> EnrollmentGrant.issue(RANDOM, NOW, Duration.ZERO));
  }

  @Test
  void basisRoundTripsAndUnknownFormsAreNoBasis() {
    for (EnrollmentBasis basis :
        new EnrollmentBasis[] {
          EnrollmentBasis.softTokenLevel("5b1d0c8e"), EnrollmentBasis.grant("abc_DEF-123")
        }) {
      assertEquals(Optional.of(basis), EnrollmentBasis.decode(basis.encode()));
    }
    assertEquals(Optional.empty(), EnrollmentBasis.decode(null));
    assertEquals(Optional.empty(), EnrollmentBasis.decode("ANYTHING"));
    assertEquals(Optional.empty(), EnrollmentBasis.decode("ADMIN:x"));
    assertEquals(
        Optional.empty(),
        EnrollmentBasis.decode("FIRST_DEVICE:"),
        "a code issued for the former first-device case no longer enrolls");
  }
}
