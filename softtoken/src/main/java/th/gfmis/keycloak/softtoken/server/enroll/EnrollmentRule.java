package th.gfmis.keycloak.softtoken.server.enroll;

import java.time.Instant;
import java.util.Optional;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenCredentialModel;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenDevices;

/**
 * The one rule for a new Soft Token device, enforced at the server: "Get Certificate" issues an
 * activation code, and the device API accepts the enrollment, only when
 *
 * <ol>
 *   <li>this sign-in was approved on the user's current device (the approval step records the
 *       approving serial in the authentication session, {@value #NOTE_APPROVED_SERIAL}; a level
 *       re-used from an earlier session through the SSO cookie does not count), or
 *   <li>the user holds an administrator's enrollment grant ({@link EnrollmentGrants}), or
 *   <li>the user was never issued a certificate and the operator allows the first device after the
 *       password alone ({@link EnrollmentSettings#allowFirstEnrollmentWithPassword()}).
 * </ol>
 *
 * The reason is stored with the code; when the device enrolls, it must still hold: the approving
 * device is still the current one, the grant is still there (and is used up), the user still has no
 * certificate. So a code shown before the condition lapsed cannot be used after.
 */
public final class EnrollmentRule {

  /** Authentication note: serial of the device that approved this sign-in. */
  public static final String NOTE_APPROVED_SERIAL = "gfmis-softtoken-approved-serial";

  private EnrollmentRule() {}

  /** At "Get Certificate": which case allows this user a code in this sign-in, if any. */
  public static Optional<EnrollmentBasis> inSignIn(
      UserModel user,
      AuthenticationSessionModel authSession,
      EnrollmentSettings settings,
      Instant now) {
    Optional<SoftTokenCredentialModel> device = SoftTokenDevices.current(user);
    String approvedBy = authSession.getAuthNote(NOTE_APPROVED_SERIAL);
    if (device.isPresent() && approvedBy != null && approvedBy.equals(device.get().serial())) {
      return Optional.of(EnrollmentBasis.softTokenLevel(approvedBy));
    }
    Optional<EnrollmentGrant> grant = EnrollmentGrants.holding(user, now);
    if (grant.isPresent()) {
      return Optional.of(EnrollmentBasis.grant(grant.get().id()));
    }
    if (settings.allowFirstEnrollmentWithPassword() && neverIssued(user)) {
      return Optional.of(EnrollmentBasis.firstDevice());
    }
    return Optional.empty();
  }

  /**
   * At the device API, inside the user's enrollment guard: whether the reason the code was issued
   * for still holds. A grant is used up here.
   */
  public static boolean stillHolds(
      UserModel user, EnrollmentBasis basis, EnrollmentSettings settings, Instant now) {
    return switch (basis.kind()) {
      case SOFT_TOKEN_LEVEL ->
          SoftTokenDevices.current(user)
              .map(d -> d.serial().equals(basis.reference()))
              .orElse(false);
      case GRANT -> EnrollmentGrants.consume(user, basis.reference(), now);
      case FIRST_DEVICE -> settings.allowFirstEnrollmentWithPassword() && neverIssued(user);
    };
  }

  /** Whether no certificate was ever issued to the user. */
  public static boolean neverIssued(UserModel user) {
    return user.getAttributeStream(SoftTokenDevices.SERIALS_ATTRIBUTE).findAny().isEmpty()
        && SoftTokenDevices.current(user).isEmpty();
  }
}
