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
 *   <li>the user holds an enrollment grant ({@link EnrollmentGrants}): an administrator's today,
 *       registration with identity proofing later.
 * </ol>
 *
 * The password alone is never enough, not even for a user who never had a device. The reason is
 * stored with the code; when the device enrolls, it must still hold: the approving device is still
 * the current one, the grant is still there. So a code shown before the condition lapsed cannot be
 * used after. A grant is used up only once the certificate is recorded ({@link #useUp}), in the
 * same transaction, so a failed issuance leaves it for the next try.
 */
public final class EnrollmentRule {

  /** Authentication note: serial of the device that approved this sign-in. */
  public static final String NOTE_APPROVED_SERIAL = "gfmis-softtoken-approved-serial";

  private EnrollmentRule() {}

  /**
   * At the Soft Token step: whether the sign-in is approved on the user's current device. Not when
   * the user holds an enrollment grant: a grant comes from proving identity again at registration
   * (new or lost phone) or from an administrator, and means that the current device is to be
   * replaced, perhaps because it is lost; the sign-in goes to "Get Certificate" instead, and the
   * old device is revoked once the new one enrolls.
   */
  public static boolean approvesOnCurrentDevice(UserModel user, Instant now) {
    return SoftTokenDevices.current(user).isPresent()
        && EnrollmentGrants.holding(user, now).isEmpty();
  }

  /** At "Get Certificate": which case allows this user a code in this sign-in, if any. */
  public static Optional<EnrollmentBasis> inSignIn(
      UserModel user, AuthenticationSessionModel authSession, Instant now) {
    Optional<SoftTokenCredentialModel> device = SoftTokenDevices.current(user);
    String approvedBy = authSession.getAuthNote(NOTE_APPROVED_SERIAL);
    if (device.isPresent() && approvedBy != null && approvedBy.equals(device.get().serial())) {
      return Optional.of(EnrollmentBasis.softTokenLevel(approvedBy));
    }
    Optional<EnrollmentGrant> grant = EnrollmentGrants.holding(user, now);
    if (grant.isPresent()) {
      return Optional.of(EnrollmentBasis.grant(grant.get().id()));
    }
    return Optional.empty();
  }

  /**
   * At the device API, inside the user's enrollment guard: whether the reason the code was issued
   * for still holds. Changes nothing.
   */
  public static boolean stillHolds(UserModel user, EnrollmentBasis basis, Instant now) {
    return switch (basis.kind()) {
      case SOFT_TOKEN_LEVEL ->
          SoftTokenDevices.current(user)
              .map(d -> d.serial().equals(basis.reference()))
              .orElse(false);
      case GRANT -> EnrollmentGrants.holds(user, basis.reference(), now);
    };
  }

  /**
   * After the certificate was recorded, in the same transaction: uses up what the enrollment spent
   * (the grant; an approval is spent by the device replacement itself).
   */
  public static void useUp(UserModel user, EnrollmentBasis basis) {
    if (basis.kind() == EnrollmentBasis.Kind.GRANT) {
      EnrollmentGrants.withdraw(user);
    }
  }
}
