package th.gfmis.keycloak.softtoken.server.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.softtoken.protocol.DeviceKeys;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenCa;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenCredentialModel;

/**
 * The rule the approval step uses for an expired certificate, with an injected clock (an expired
 * certificate cannot be produced through the API in a test run: lifetimes are whole days).
 */
class CertificateExpiryTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

  private static SoftTokenCredentialModel device(Duration lifetime) throws Exception {
    KeyPair ca = DeviceKeys.generate(RANDOM);
    var caCertificate =
        SoftTokenCa.createCaCertificate(
            ca, "CN=Test CA", ISSUED, SoftTokenProtocol.DEFAULT_CA_CERTIFICATE_LIFETIME, RANDOM);
    var certificate =
        SoftTokenCa.issueDeviceCertificate(
            ca.getPrivate(),
            caCertificate,
            DeviceKeys.generate(RANDOM).getPublic(),
            "T05005000000101",
            ISSUED,
            lifetime,
            RANDOM);
    return SoftTokenCredentialModel.create(certificate, "phone", ISSUED, "https://sso.example");
  }

  private static Optional<Instant> at(SoftTokenCredentialModel device, Instant now) {
    return new CertificateExpiry(Clock.fixed(now, ZoneOffset.UTC)).expiredAt(device);
  }

  @Test
  void aCertificateIsUsableUntilNotAfterAndExpiredFromThen() throws Exception {
    SoftTokenCredentialModel device = device(Duration.ofDays(730));
    Instant notAfter = ISSUED.plus(Duration.ofDays(730));
    assertEquals(notAfter, device.notAfter());
    assertTrue(at(device, ISSUED).isEmpty());
    assertTrue(at(device, notAfter.minusSeconds(1)).isEmpty(), "the last second still counts");
    assertEquals(Optional.of(notAfter), at(device, notAfter));
    assertEquals(Optional.of(notAfter), at(device, notAfter.plus(Duration.ofDays(365))));
  }

  @Test
  void theRenewalWindowDoesNotMakeACertificateExpired() throws Exception {
    SoftTokenCredentialModel device = device(Duration.ofDays(30));
    assertTrue(at(device, ISSUED.plus(Duration.ofDays(29))).isEmpty());
  }
}
