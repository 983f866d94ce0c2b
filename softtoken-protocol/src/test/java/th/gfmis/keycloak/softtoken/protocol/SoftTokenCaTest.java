package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.NOW;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.RANDOM;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.assertRefused;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;

class SoftTokenCaTest {

  private static final TestSupport.Ca CA = TestSupport.Ca.create();

  @Test
  void caCertificateIsASelfSignedP256Ca() throws Exception {
    X509Certificate ca = CA.certificate();
    ca.verify(ca.getPublicKey());
    assertEquals("SHA256withECDSA", ca.getSigAlgName());
    assertEquals(0, ca.getBasicConstraints());
    boolean[] ku = ca.getKeyUsage();
    assertTrue(ku[5], "keyCertSign");
    assertTrue(ku[6], "cRLSign");
    assertTrue(!ku[0], "no digitalSignature");
    assertEquals(
        Set.of(Extension.basicConstraints.getId(), Extension.keyUsage.getId()),
        ca.getCriticalExtensionOIDs());
    assertNotNull(ca.getExtensionValue(Extension.subjectKeyIdentifier.getId()));
    assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
    DeviceKeys.requireP256(ca.getPublicKey());
  }

  @Test
  void deviceCertificateHasTheProfile() throws Exception {
    KeyPair device = TestSupport.p256();
    Duration lifetime = SoftTokenProtocol.DEFAULT_DEVICE_CERTIFICATE_LIFETIME;
    X509Certificate cert =
        SoftTokenCa.issueDeviceCertificate(
            CA.keys().getPrivate(),
            CA.certificate(),
            device.getPublic(),
            "T05005000000101",
            NOW,
            lifetime,
            RANDOM);
    cert.verify(CA.keys().getPublic());
    Certificates.verifyIssuedBy(cert, CA.certificate());
    assertEquals("CN=T05005000000101", cert.getSubjectX500Principal().getName());
    assertEquals("T05005000000101", SoftTokenCa.username(cert));
    assertEquals(CA.certificate().getSubjectX500Principal(), cert.getIssuerX500Principal());
    assertEquals(1, cert.getSerialNumber().signum());
    assertTrue(cert.getSerialNumber().bitLength() <= 128);
    assertEquals(NOW.minusSeconds(60), cert.getNotBefore().toInstant());
    assertEquals(NOW.plus(lifetime), cert.getNotAfter().toInstant());
    assertEquals("SHA256withECDSA", cert.getSigAlgName());
    assertEquals(-1, cert.getBasicConstraints());
    boolean[] ku = cert.getKeyUsage();
    assertTrue(ku[0], "digitalSignature");
    for (int i = 1; i < ku.length; i++) {
      assertTrue(!ku[i], "only digitalSignature");
    }
    assertEquals(List.of("1.3.6.1.5.5.7.3.2"), cert.getExtendedKeyUsage());
    assertEquals(
        Set.of(Extension.basicConstraints.getId(), Extension.keyUsage.getId()),
        cert.getCriticalExtensionOIDs());
    assertArrayEquals(device.getPublic().getEncoded(), cert.getPublicKey().getEncoded());

    byte[] caSki =
        SubjectKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(
                        CA.certificate().getExtensionValue(Extension.subjectKeyIdentifier.getId()))
                    .getOctets())
            .getKeyIdentifier();
    byte[] aki =
        AuthorityKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(
                        cert.getExtensionValue(Extension.authorityKeyIdentifier.getId()))
                    .getOctets())
            .getKeyIdentifierOctets();
    assertArrayEquals(caSki, aki);
    assertNotNull(cert.getExtensionValue(Extension.subjectKeyIdentifier.getId()));
  }

  @Test
  void serialsAreUniqueAndHexIsTheKid() throws Exception {
    TestSupport.Device a = CA.issue("T05005000000101");
    TestSupport.Device b = CA.issue("T05005000000101");
    assertNotEquals(a.certificate().getSerialNumber(), b.certificate().getSerialNumber());
    assertTrue(Certificates.isSerialHex(a.kid()), a.kid());
    assertEquals(a.certificate().getSerialNumber().toString(16), a.kid());
  }

  @Test
  void lifetimeIsClampedToTheCa() throws Exception {
    X509Certificate cert =
        SoftTokenCa.issueDeviceCertificate(
            CA.keys().getPrivate(),
            CA.certificate(),
            TestSupport.p256().getPublic(),
            "u",
            NOW,
            Duration.ofDays(365 * 50),
            RANDOM);
    assertEquals(CA.certificate().getNotAfter(), cert.getNotAfter());
  }

  @Test
  void refusesANonP256DeviceKey() throws Exception {
    KeyPair rsa = TestSupport.rsa();
    assertRefused(
        SoftTokenError.UNSUPPORTED_KEY,
        () ->
            SoftTokenCa.issueDeviceCertificate(
                CA.keys().getPrivate(),
                CA.certificate(),
                rsa.getPublic(),
                "u",
                NOW,
                Duration.ofDays(1),
                RANDOM));
  }

  @Test
  void validityAndIssuerChecks() throws Exception {
    TestSupport.Device d = CA.issue("u");
    Certificates.checkValidity(d.certificate(), NOW);
    assertRefused(
        SoftTokenError.CERTIFICATE_EXPIRED,
        () -> Certificates.checkValidity(d.certificate(), NOW.plus(Duration.ofDays(800))));
    assertRefused(
        SoftTokenError.CERTIFICATE_EXPIRED,
        () -> Certificates.checkValidity(d.certificate(), NOW.minus(Duration.ofDays(1))));
    TestSupport.Ca other = TestSupport.Ca.create();
    assertRefused(
        SoftTokenError.UNKNOWN_CERTIFICATE,
        () -> Certificates.verifyIssuedBy(d.certificate(), other.certificate()));
  }

  @Test
  void certificateBase64RoundTripIsStrict() throws Exception {
    TestSupport.Device d = CA.issue("u");
    String b64 = Certificates.toBase64(d.certificate());
    assertEquals(d.certificate(), Certificates.fromBase64(b64));
    assertRefused(SoftTokenError.INVALID_REQUEST, () -> Certificates.fromBase64("%%%"));
    assertRefused(SoftTokenError.INVALID_REQUEST, () -> Certificates.fromBase64(""));
    byte[] der = d.certificate().getEncoded();
    byte[] trailing = java.util.Arrays.copyOf(der, der.length + 1);
    assertRefused(SoftTokenError.INVALID_REQUEST, () -> Certificates.fromDer(trailing));
  }
}
