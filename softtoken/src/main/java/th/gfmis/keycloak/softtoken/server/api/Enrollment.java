package th.gfmis.keycloak.softtoken.server.api;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.softtoken.protocol.DeviceCsr;
import th.gfmis.keycloak.softtoken.protocol.EnrollmentRequest;
import th.gfmis.keycloak.softtoken.protocol.EnrollmentResponse;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenCa;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenError;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;
import th.gfmis.keycloak.softtoken.server.ca.SoftTokenCaKeys;
import th.gfmis.keycloak.softtoken.server.credential.DeviceNotices;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenCredentialModel;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenDevices;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollSoftTokenActionFactory;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollmentBasis;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollmentRule;
import th.gfmis.keycloak.softtoken.server.login.BrowserStatusUrl;
import th.gfmis.keycloak.softtoken.server.state.Activations;
import th.gfmis.keycloak.softtoken.server.state.BrowserPolls;
import th.gfmis.keycloak.softtoken.server.state.EnrollmentGuard;

/**
 * "Get Certificate", server checks in the documented order: the activation code is looked up by its
 * hash (cheap; an unknown code never reaches a signature check); then the CSR (proof of possession,
 * P-256, SHA256withECDSA), so a bad CSR does not burn the code; then the code is removed
 * atomically; then, under the user's {@link EnrollmentGuard}, the reason the code was issued for
 * must still hold ({@link EnrollmentRule}); then the certificate is issued and recorded as the
 * user's only device, with the server base the device enrolled at (its device-auth {@code htu}
 * base); only then is a grant used up, in the same transaction (a failure before leaves it, and
 * {@link DeviceApiResource} rolls back every write of a request that failed); then the holder is
 * e-mailed.
 */
final class Enrollment {

  /** Outcome recorded for the waiting browser page. */
  static final String ENROLLED = "enrolled";

  private final KeycloakSession session;
  private final RealmModel realm;
  private final SecureRandom random;

  Enrollment(KeycloakSession session, RealmModel realm, SecureRandom random) {
    this.session = session;
    this.realm = realm;
    this.random = random;
  }

  EnrollmentResponse enroll(EnrollmentRequest request, Instant now)
      throws SoftTokenProtocolException {
    Activations activations = new Activations(session.singleUseObjects(), realm);
    if (!activations.isLive(request.activationCode(), now)) {
      throw invalidCode();
    }
    ECPublicKey deviceKey = DeviceCsr.verify(request.csr());
    Activations.Activation activation = activations.consume(request.activationCode(), now);
    UserModel user =
        activation == null ? null : session.users().getUserById(realm, activation.userId());
    if (user == null || !user.isEnabled()) {
      throw invalidCode();
    }
    if (!EnrollmentGuard.acquire(session, realm, user.getId())) {
      // Another enrollment of this user is under way; this code is used up either way.
      throw invalidCode();
    }
    Optional<EnrollmentBasis> basis = EnrollmentBasis.decode(activation.basis());
    if (basis.isEmpty() || !EnrollmentRule.stillHolds(user, basis.get(), now)) {
      new DeviceEvents(session, realm).enrollmentRefused(user);
      throw invalidCode();
    }
    Optional<SoftTokenCredentialModel> previous = SoftTokenDevices.current(user);
    String userId = user.getUsername().toUpperCase(Locale.ROOT);
    SoftTokenCaKeys.Ca ca = new SoftTokenCaKeys(session, realm).active();
    X509Certificate certificate =
        SoftTokenCa.issueDeviceCertificate(
            ca.privateKey(),
            ca.certificate(),
            deviceKey,
            userId,
            now,
            activation.certificateLifetime(),
            random);
    String deviceName = request.deviceNameOrDefault();
    var device =
        new SoftTokenDevices(session, realm)
            .enroll(user, certificate, deviceName, now, BrowserStatusUrl.serverBase(session));
    EnrollmentRule.useUp(user, basis.get());
    // Done, even if the browser that showed the QR code is closed before it moves on.
    user.removeRequiredAction(EnrollSoftTokenActionFactory.PROVIDER_ID);
    new BrowserPolls(session.singleUseObjects())
        .complete(activation.pollHandle(), ENROLLED, deviceName, now);
    new DeviceEvents(session, realm).enrolled(user, device.serial(), deviceName, basis.get());
    new DeviceNotices(session, realm).enrolled(user, deviceName, previous, now);
    return EnrollmentResponse.of(certificate, List.of(ca.certificate()), deviceName, userId);
  }

  private static SoftTokenProtocolException invalidCode() {
    return new SoftTokenProtocolException(
        SoftTokenError.INVALID_ACTIVATION_CODE,
        SoftTokenError.INVALID_ACTIVATION_CODE.defaultDescription());
  }
}
