package th.gfmis.keycloak.softtoken.server.enroll;

import java.util.Optional;

/**
 * Why an activation code may be issued to a user, recorded with the code so that the device API can
 * check that the reason still holds when the device enrolls.
 *
 * @param kind which of the three cases
 * @param reference the serial of the device that approved ({@link Kind#SOFT_TOKEN_LEVEL}), the
 *     grant's id ({@link Kind#GRANT}), or empty ({@link Kind#FIRST_DEVICE})
 */
public record EnrollmentBasis(Kind kind, String reference) {

  /** The three cases that allow a new device. */
  public enum Kind {
    /** This sign-in was approved on the user's current device: a replacement. */
    SOFT_TOKEN_LEVEL,
    /** An administrator (or, later, registration) granted one enrollment. */
    GRANT,
    /** The user was never issued a certificate, and the operator allows the password alone. */
    FIRST_DEVICE
  }

  public static EnrollmentBasis softTokenLevel(String serial) {
    return new EnrollmentBasis(Kind.SOFT_TOKEN_LEVEL, serial);
  }

  public static EnrollmentBasis grant(String grantId) {
    return new EnrollmentBasis(Kind.GRANT, grantId);
  }

  public static EnrollmentBasis firstDevice() {
    return new EnrollmentBasis(Kind.FIRST_DEVICE, "");
  }

  /** The stored form: {@code <kind>:<reference>}. */
  public String encode() {
    return kind.name() + ":" + reference;
  }

  /** Reads the stored form; anything unreadable is no basis at all. */
  public static Optional<EnrollmentBasis> decode(String stored) {
    if (stored == null) {
      return Optional.empty();
    }
    int colon = stored.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    for (Kind kind : Kind.values()) {
      if (kind.name().equals(stored.substring(0, colon))) {
        return Optional.of(new EnrollmentBasis(kind, stored.substring(colon + 1)));
      }
    }
    return Optional.empty();
  }
}
