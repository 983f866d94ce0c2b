package th.gfmis.keycloak.registration.decision;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import th.gfmis.keycloak.core.citizenid.CitizenIdStore;
import th.gfmis.keycloak.core.events.GfmisEvents;
import th.gfmis.keycloak.core.session.UserSessionTerminator;
import th.gfmis.keycloak.registration.HistoryEntry;
import th.gfmis.keycloak.registration.Registration;
import th.gfmis.keycloak.registration.RegistrationKind;
import th.gfmis.keycloak.registration.RegistrationStatus;
import th.gfmis.keycloak.registration.RegistrationStore;
import th.gfmis.keycloak.softtoken.server.credential.DeviceNotices;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenCredentialModel;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenDevices;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollmentGrant;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollmentGrants;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollmentSettings;

/**
 * Approves or rejects a registration through the store and applies what the decision means for the
 * user, in the same transaction.
 *
 * <p>Approval: for a holder change the previous holder's sessions are ended, their Soft Token is
 * removed (the usual device notice) and they are told, at the address on file before the change;
 * then the proven CID is bound to the user, the confirmed e-mail becomes the user's (verified), and
 * the user gets an enrollment grant for the "Get Certificate" setting {@code enrollmentGrantDays}.
 * Rejection keeps the approver's reason. The holder is e-mailed either way, at the confirmed
 * address.
 */
public final class RegistrationDecisions {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeycloakSession session;
  private final RealmModel realm;
  private final RegistrationStore store;
  private final DecisionMails mails;

  public RegistrationDecisions(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
    this.store = session.getProvider(RegistrationStore.class);
    this.mails = new DecisionMails(session, realm);
  }

  /**
   * An approver's approval of the registration at {@code version}.
   *
   * @throws th.gfmis.keycloak.registration.StaleRegistrationException when another decision or a
   *     fix came first
   * @throws NoSuchElementException when there is no such registration (or its user is gone)
   */
  public Registration approve(String id, long version, String approverId) {
    return approve(id, version, HistoryEntry.Actor.APPROVER, Optional.of(approverId));
  }

  /**
   * A new or lost phone's registration (its proven CID is the one bound to the user) is approved at
   * once by the system; other kinds are left for an approver.
   *
   * @return the registration as it now stands
   */
  public Registration approveAutomatically(Registration registration) {
    if (registration.kind() != RegistrationKind.NEW_DEVICE
        || registration.status() != RegistrationStatus.REQUEST) {
      return registration;
    }
    return approve(
        registration.id(), registration.version(), HistoryEntry.Actor.SYSTEM, Optional.empty());
  }

  /**
   * An approver's rejection; {@code reason} is required.
   *
   * @throws IllegalArgumentException when the reason is blank or too long
   * @throws th.gfmis.keycloak.registration.StaleRegistrationException when another decision or a
   *     fix came first
   */
  public Registration reject(String id, long version, String reason, String approverId) {
    Registration rejected =
        store.decide(
            realm,
            id,
            version,
            RegistrationStatus.REJECT,
            Optional.ofNullable(reason),
            HistoryEntry.Actor.APPROVER,
            Optional.of(approverId));
    mails.rejected(user(rejected), rejected);
    return rejected;
  }

  private Registration approve(
      String id, long version, HistoryEntry.Actor actor, Optional<String> actorId) {
    Registration approved =
        store.decide(
            realm, id, version, RegistrationStatus.APPROVED, Optional.empty(), actor, actorId);
    UserModel user = user(approved);
    Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
    if (approved.kind() == RegistrationKind.HOLDER_CHANGE) {
      endPreviousHolder(user, now);
    }
    session
        .getProvider(CitizenIdStore.class)
        .storeHashed(user, approved.citizenIdHash(), approved.citizenIdLastFour());
    approved
        .email()
        .ifPresent(
            email -> {
              user.setEmail(email);
              user.setEmailVerified(true);
            });
    EnrollmentGrant grant =
        EnrollmentGrants.grant(user, RANDOM, now, EnrollmentSettings.of(realm).grantValidity());
    mails.approved(user, approved, grant);
    return approved;
  }

  /**
   * Signs the previous holder out everywhere, removes their device and their password, and tells
   * them, before the user's e-mail changes. Without the password, the previous holder cannot use
   * the new holder's enrollment grant; the new holder sets one with "Forgot password" (user ID,
   * their now bound CID, the confirmed e-mail), as the approval e-mail says.
   */
  private void endPreviousHolder(UserModel user, Instant now) {
    new UserSessionTerminator(session, realm)
        .endAllExcept(
            user,
            null,
            new EventBuilder(realm, session, session.getContext().getConnection())
                .detail(GfmisEvents.STEP, GfmisEvents.Step.HOLDER_CHANGE_APPROVED));
    user.credentialManager()
        .getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
        .toList()
        .forEach(password -> user.credentialManager().removeStoredCredentialById(password.getId()));
    Optional<SoftTokenCredentialModel> device = SoftTokenDevices.current(user);
    if (device.isPresent()
        && new SoftTokenDevices(session, realm).revoke(user, device.get().serial())) {
      new EventBuilder(realm, session, session.getContext().getConnection())
          .event(EventType.REMOVE_CREDENTIAL)
          .user(user)
          .detail(Details.CREDENTIAL_TYPE, SoftTokenCredentialModel.TYPE)
          .detail(GfmisEvents.SOFTTOKEN_SERIAL, device.get().serial())
          .detail(GfmisEvents.STEP, GfmisEvents.Step.REVOKED_BY_HOLDER_CHANGE)
          .success();
      new DeviceNotices(session, realm)
          .revoked(user, DeviceNotices.label(device.get()), DeviceNotices.Channel.Admin, now);
    }
    mails.holderChanged(user, now);
  }

  private UserModel user(Registration registration) {
    UserModel user = session.users().getUserById(realm, registration.userId());
    if (user == null) {
      throw new NoSuchElementException("The registration's user is gone");
    }
    return user;
  }
}
