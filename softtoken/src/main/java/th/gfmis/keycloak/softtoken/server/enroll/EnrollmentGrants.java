package th.gfmis.keycloak.softtoken.server.enroll;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.keycloak.models.UserModel;

/**
 * The users' enrollment grants, kept durably on the user as the attribute {@value #ATTRIBUTE}
 * (which the user profile does not declare: neither the user nor the consoles see or edit it). One
 * grant per user; a new grant replaces the old one. An enrollment checks and uses it up inside the
 * per-user enrollment guard, so two parallel enrollments cannot both use it.
 */
public final class EnrollmentGrants {

  /** User attribute holding the grant ({@link EnrollmentGrant#encode()}). */
  public static final String ATTRIBUTE = "gfmis.softtoken.enrollment-grant";

  private EnrollmentGrants() {}

  /** Gives the user a new grant valid for {@code validity}; replaces any earlier one. */
  public static EnrollmentGrant grant(
      UserModel user, SecureRandom random, Instant now, Duration validity) {
    EnrollmentGrant grant = EnrollmentGrant.issue(random, now, validity);
    user.setSingleAttribute(ATTRIBUTE, grant.encode());
    return grant;
  }

  /** The user's grant as stored, whether or not it still holds. */
  public static Optional<EnrollmentGrant> stored(UserModel user) {
    return EnrollmentGrant.decode(user.getFirstAttribute(ATTRIBUTE));
  }

  /** The user's grant if it holds at {@code now}. */
  public static Optional<EnrollmentGrant> holding(UserModel user, Instant now) {
    return stored(user).filter(g -> g.holdsAt(now));
  }

  /** Withdraws the user's grant; returns whether there was one. */
  public static boolean withdraw(UserModel user) {
    boolean had = user.getFirstAttribute(ATTRIBUTE) != null;
    user.removeAttribute(ATTRIBUTE);
    return had;
  }

  /** Whether the grant named {@code id} is the user's and holds at {@code now}. */
  public static boolean holds(UserModel user, String id, Instant now) {
    return holding(user, now).filter(g -> g.isNamed(id)).isPresent();
  }
}
