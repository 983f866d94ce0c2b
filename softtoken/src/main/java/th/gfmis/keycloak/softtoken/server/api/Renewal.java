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
import th.gfmis.keycloak.core.state.SingleUseStores;
import th.gfmis.keycloak.softtoken.protocol.CertificateRenewal;
import th.gfmis.keycloak.softtoken.protocol.EnrollmentResponse;
import th.gfmis.keycloak.softtoken.protocol.RenewalRequest;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenCa;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenError;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;
import th.gfmis.keycloak.softtoken.server.ca.SoftTokenCaKeys;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenCredentialModel;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenDevices;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollmentSettings;

/**
 * {@code POST device/renew}, after the device-auth check (the current certificate is this realm's,
 * current, not expired; jti single use), in this order: the signature covers this CSR ({@code
 * csh}); the renewal window is open; the CSR proves a new P-256 key; one renewal per certificate
 * (cluster-wide); then a certificate for the new key replaces the old one in the same credential.
 */
final class Renewal {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final SecureRandom random;

  Renewal(KeycloakSession session, RealmModel realm, SecureRandom random) {
    this.session = session;
    this.realm = realm;
    this.random = random;
  }

  EnrollmentResponse renew(
      RenewalRequest request,
      DeviceAuthenticator.Authenticated authenticated,
      String enrolledBase,
      Instant now)
      throws SoftTokenProtocolException {
    SoftTokenDevices.Device device = authenticated.device();
    CertificateRenewal.checkBinding(authenticated.claims(), request.csr());
    EnrollmentSettings settings = EnrollmentSettings.of(realm);
    CertificateRenewal.checkRenewable(device.certificate(), settings.renewalWindow(), now);
    ECPublicKey newKey =
        CertificateRenewal.verifyCsr(request.csr(), device.certificate().getPublicKey());

    String previousSerial = device.credential().serial();
    // Two renewals of one certificate racing in parallel: only the first may issue.
    if (!session
        .singleUseObjects()
        .putIfAbsent(
            SingleUseStores.SOFTTOKEN_RENEWING.key(realm.getId(), previousSerial),
            SoftTokenProtocol.DEFAULT_JTI_TTL.toSeconds())) {
      throw new SoftTokenProtocolException(
          SoftTokenError.REPLAYED, "This certificate is already being renewed.");
    }
    UserModel user = device.user();
    String userId = user.getUsername().toUpperCase(Locale.ROOT);
    SoftTokenCaKeys.Ca ca = new SoftTokenCaKeys(session, realm).active();
    X509Certificate certificate =
        SoftTokenCa.issueDeviceCertificate(
            ca.privateKey(),
            ca.certificate(),
            newKey,
            userId,
            now,
            settings.certificateLifetime(),
            random);
    SoftTokenCredentialModel renewed =
        new SoftTokenDevices(session, realm)
            .renew(user, previousSerial, certificate, now, enrolledBase);
    new DeviceEvents(session, realm).renewed(user, previousSerial, renewed.serial());
    return EnrollmentResponse.of(
        certificate, List.of(ca.certificate()), renewed.getUserLabel(), userId);
  }
}
