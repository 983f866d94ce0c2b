package th.gfmis.keycloak.softtoken.server.api;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenDevices;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollSoftTokenActionFactory;
import th.gfmis.keycloak.softtoken.server.login.BrowserStatusUrl;
import th.gfmis.keycloak.softtoken.server.state.Activations;
import th.gfmis.keycloak.softtoken.server.state.BrowserPolls;

/**
 * "Get Certificate", server checks in the documented order: the activation code is looked up by its
 * hash (cheap; an unknown code never reaches a signature check); then the CSR (proof of possession,
 * P-256, SHA256withECDSA), so a bad CSR does not burn the code; then the code is removed
 * atomically; then the certificate is issued and recorded as the user's only device, with the
 * server base the device enrolled at (its device-auth {@code htu} base).
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
      throw new SoftTokenProtocolException(
          SoftTokenError.INVALID_ACTIVATION_CODE,
          SoftTokenError.INVALID_ACTIVATION_CODE.defaultDescription());
    }
    ECPublicKey deviceKey = DeviceCsr.verify(request.csr());
    Activations.Activation activation = activations.consume(request.activationCode(), now);
    UserModel user =
        activation == null ? null : session.users().getUserById(realm, activation.userId());
    if (user == null || !user.isEnabled()) {
      throw new SoftTokenProtocolException(
          SoftTokenError.INVALID_ACTIVATION_CODE,
          SoftTokenError.INVALID_ACTIVATION_CODE.defaultDescription());
    }
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
    // Done, even if the browser that showed the QR code is closed before it moves on.
    user.removeRequiredAction(EnrollSoftTokenActionFactory.PROVIDER_ID);
    new BrowserPolls(session.singleUseObjects())
        .complete(activation.pollHandle(), ENROLLED, deviceName, now);
    new DeviceEvents(session, realm).enrolled(user, device.serial(), deviceName);
    return EnrollmentResponse.of(certificate, List.of(ca.certificate()), deviceName, userId);
  }
}
