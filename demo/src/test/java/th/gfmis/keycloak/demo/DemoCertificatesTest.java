package th.gfmis.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCertificatesTest {

  @TempDir Path dir;

  @Test
  void aServerCertificateForTheAddressSignedByALocalCaThatIsKeptBetweenRuns() throws Exception {
    DemoCertificates first = DemoCertificates.ensure(dir, "192.168.1.20");
    X509Certificate ca = readCa(first.caCertificate());
    assertTrue(ca.getBasicConstraints() >= 0, "the phone installs a CA certificate");

    KeyStore server = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(first.serverKeyStore())) {
      server.load(in, first.password().toCharArray());
    }
    Certificate[] chain = server.getCertificateChain("server");
    assertEquals(2, chain.length);
    X509Certificate leaf = (X509Certificate) chain[0];
    leaf.verify(ca.getPublicKey());
    assertEquals(-1, leaf.getBasicConstraints());
    assertTrue(leaf.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
    List<String> names =
        leaf.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString()).toList();
    assertEquals(List.of("192.168.1.20", "localhost", "127.0.0.1"), names);

    // The next start (another address): the same CA, so the phone need not trust a new one.
    DemoCertificates second = DemoCertificates.ensure(dir, "10.0.0.7");
    assertArrayEquals(ca.getEncoded(), readCa(second.caCertificate()).getEncoded());
    assertEquals(first.password(), second.password());
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(second.trustStore())) {
      trust.load(in, second.password().toCharArray());
    }
    assertArrayEquals(ca.getEncoded(), trust.getCertificate("ca").getEncoded());
    assertNotEquals("", second.password());
  }

  @Test
  void hostNamesAndAddressesBecomeTheRightKindOfName() {
    assertEquals(
        "ip:10.0.0.7,dns:localhost,ip:127.0.0.1",
        DemoCertificates.subjectAlternativeNames("10.0.0.7"));
    assertEquals(
        "dns:demo.lan,dns:localhost,ip:127.0.0.1",
        DemoCertificates.subjectAlternativeNames("demo.lan"));
    assertEquals(
        "ip:127.0.0.1,dns:localhost", DemoCertificates.subjectAlternativeNames("127.0.0.1"));
  }

  private static X509Certificate readCa(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
