package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.NOW;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.RANDOM;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.assertRefused;

import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateRenewalTest {

  private static final Duration WINDOW = SoftTokenProtocol.DEFAULT_RENEWAL_WINDOW;
  private static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant NOT_AFTER = Instant.parse("2028-01-01T00:00:00Z");
  private static TestSupport.Ca ca;
  private static TestSupport.Device device;

  @BeforeAll
  static void setUp() throws Exception {
    ca = TestSupport.Ca.create();
    device = ca.issue("T05005000000101");
  }

  private static CertificateRenewal.Phase phaseAt(Instant now) {
    return CertificateRenewal.phase(NOT_BEFORE, NOT_AFTER, WINDOW, now);
  }

  @Test
  void aCertificateIsValidThenRenewableForTheLastWindowThenExpiredAtNotAfter() {
    assertEquals(CertificateRenewal.Phase.NOT_YET_VALID, phaseAt(NOT_BEFORE.minusSeconds(1)));
    assertEquals(CertificateRenewal.Phase.VALID, phaseAt(NOT_BEFORE));
    Instant opens = NOT_AFTER.minus(WINDOW);
    assertEquals(CertificateRenewal.Phase.VALID, phaseAt(opens.minusSeconds(1)));
    assertEquals(CertificateRenewal.Phase.RENEWABLE, phaseAt(opens));
    assertEquals(CertificateRenewal.Phase.RENEWABLE, phaseAt(NOT_AFTER.minusSeconds(1)));
    assertEquals(CertificateRenewal.Phase.EXPIRED, phaseAt(NOT_AFTER));
    assertEquals(CertificateRenewal.Phase.EXPIRED, phaseAt(NOT_AFTER.plus(Duration.ofDays(400))));
  }

  @Test
  void aWindowLongerThanTheLifetimeOpensRenewalAtNotBefore() {
    Duration wide = Duration.ofDays(10_000);
    assertEquals(NOT_BEFORE, CertificateRenewal.renewableFrom(NOT_BEFORE, NOT_AFTER, wide));
    assertEquals(
        CertificateRenewal.Phase.RENEWABLE,
        CertificateRenewal.phase(NOT_BEFORE, NOT_AFTER, wide, NOT_BEFORE));
  }

  @Test
  void checkRenewableRefusesTooEarlyAndExpired() throws Exception {
    X509Certificate cert = device.certificate();
    Instant notAfter = cert.getNotAfter().toInstant();
    SoftTokenProtocolException early =
        assertRefused(
            SoftTokenError.RENEWAL_TOO_EARLY,
            () -> CertificateRenewal.checkRenewable(cert, WINDOW, NOW));
    assertEquals(
        "Renewal opens at " + IsoInstant.format(notAfter.minus(WINDOW)) + ".", early.getMessage());
    assertEquals(403, early.httpStatus());
    CertificateRenewal.checkRenewable(cert, WINDOW, notAfter.minus(Duration.ofDays(1)));
    assertRefused(
        SoftTokenError.CERTIFICATE_EXPIRED,
        () -> CertificateRenewal.checkRenewable(cert, WINDOW, notAfter));
  }

  @Test
  void theRenewalCsrMustProveANewKey() throws Exception {
    KeyPair next = TestSupport.p256();
    String csr = DeviceCsr.createBase64(next);
    assertArrayEquals(
        next.getPublic().getEncoded(),
        CertificateRenewal.verifyCsr(csr, device.certificate().getPublicKey()).getEncoded());
    // The same key again: rotation is required.
    assertRefused(
        SoftTokenError.INVALID_CSR,
        () ->
            CertificateRenewal.verifyCsr(
                DeviceCsr.createBase64(device.keys()), device.certificate().getPublicKey()));
    // A CSR for a new key signed by the old key: no proof of possession of the new key.
    String notProven =
        java.util.Base64.getEncoder()
            .encodeToString(
                new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"), next.getPublic())
                    .build(
                        new JcaContentSignerBuilder("SHA256withECDSA")
                            .build(device.keys().getPrivate()))
                    .getEncoded());
    assertRefused(
        SoftTokenError.INVALID_CSR,
        () -> CertificateRenewal.verifyCsr(notProven, device.certificate().getPublicKey()));
  }

  @Test
  void theDeviceAuthSignatureMustCoverTheCsr() throws Exception {
    String url = "https://sso.example.go.th/realms/gfmis/gfmis-softtoken/device/renew";
    String csr = DeviceCsr.createBase64(TestSupport.p256());
    String other = DeviceCsr.createBase64(TestSupport.p256());
    String header =
        DeviceAuth.authorizationHeader(
            "POST",
            URI.create(url),
            device.kid(),
            device.keys().getPrivate(),
            NOW,
            RANDOM,
            CertificateRenewal.csrHash(csr));
    DeviceAuth.Verified verified =
        DeviceAuth.verify(
            header, "POST", url, NOW, SoftTokenProtocol.DEFAULT_IAT_SKEW, device.resolver());
    CertificateRenewal.checkBinding(verified.claims(), csr);
    assertRefused(
        SoftTokenError.INVALID_DEVICE_AUTH,
        () -> CertificateRenewal.checkBinding(verified.claims(), other));
    String plain =
        DeviceAuth.authorizationHeader(
            "POST", URI.create(url), device.kid(), device.keys().getPrivate(), NOW, RANDOM);
    DeviceAuth.Verified unbound =
        DeviceAuth.verify(
            plain, "POST", url, NOW, SoftTokenProtocol.DEFAULT_IAT_SKEW, device.resolver());
    assertNull(unbound.claims().csh());
    assertRefused(
        SoftTokenError.INVALID_DEVICE_AUTH,
        () -> CertificateRenewal.checkBinding(unbound.claims(), csr));
    assertNull(CertificateRenewal.csrHash("not base64!"));
  }

  @Test
  void theRenewalBodyNeedsACsr() throws Exception {
    assertRefused(SoftTokenError.INVALID_REQUEST, () -> new RenewalRequest(null).validate());
    assertRefused(SoftTokenError.INVALID_REQUEST, () -> new RenewalRequest("").validate());
    RenewalRequest parsed =
        SoftTokenJson.read(
            "{\"csr\":\"QUJD\",\"extra\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            RenewalRequest.class);
    assertEquals("QUJD", parsed.csr());
  }

  @Test
  void theExpectedUrlIsChosenForTheResolvedDeviceNotTheRequest() throws Exception {
    String enrolledAt = "https://sso.example.go.th/realms/gfmis/gfmis-softtoken/device";
    String forged = "https://evil.example/realms/gfmis/gfmis-softtoken/device";
    String header =
        DeviceAuth.authorizationHeader(
            "GET", URI.create(forged), device.kid(), device.keys().getPrivate(), NOW, RANDOM);
    assertRefused(
        SoftTokenError.INVALID_DEVICE_AUTH,
        () ->
            DeviceAuth.verify(
                header,
                "GET",
                kid -> kid.equals(device.kid()) ? enrolledAt : forged,
                NOW,
                SoftTokenProtocol.DEFAULT_IAT_SKEW,
                device.resolver()));
  }
}
