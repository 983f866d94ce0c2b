package th.gfmis.keycloak.softtoken.server.enroll;

import java.util.Optional;

/**
 * Why an activation code may be issued to a user, recorded with the code so that the device API can
 * check that the reason still holds when the device enrolls.
 *
 * @param kind which of the two cases
 * @param reference the serial of the device that approved ({@link Kind#SOFT_TOKEN_LEVEL}) or the
 *     grant's id ({@link Kind#GRANT})
 */
public record EnrollmentBasis(Kind kind, String reference) {

  /**
   * The two cases that allow a new device. A code stored under a kind no longer known (the former
   * {@code FIRST_DEVICE}) decodes as no basis and is refused.
   */
  public enum Kind {
    /** This sign-in was approved on the user's current device: a replacement. */
    SOFT_TOKEN_LEVEL,
    /** An administrator (or, later, registration) granted one enrollment. */
    GRANT
  }

  public static EnrollmentBasis softTokenLevel(String serial) {
    return new EnrollmentBasis(Kind.SOFT_TOKEN_LEVEL, serial);
  }

  public static EnrollmentBasis grant(String grantId) {
    return new EnrollmentBasis(Kind.GRANT, grantId);
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
