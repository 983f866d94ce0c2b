package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.assertRefused;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

class DeviceCsrTest {

  private static byte[] csr(PublicKey subjectKey, PrivateKey signingKey, String algorithm)
      throws Exception {
    return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"), subjectKey)
        .build(new JcaContentSignerBuilder(algorithm).build(signingKey))
        .getEncoded();
  }

  @Test
  void acceptsAP256RequestAndReturnsItsKey() throws Exception {
    KeyPair keys = TestSupport.p256();
    ECPublicKey key = DeviceCsr.verify(DeviceCsr.createBase64(keys));
    assertArrayEquals(keys.getPublic().getEncoded(), key.getEncoded());
  }

  @Test
  void refusesATamperedRequest() {
    KeyPair keys = TestSupport.p256();
    byte[] der = DeviceCsr.create(keys);
    // Flip a bit in the subject name (inside the signed part).
    byte[] tampered = der.clone();
    int at =
        indexOf(
            tampered,
            "gfmis-softtoken-device".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    tampered[at] ^= 0x01;
    assertRefused(SoftTokenError.INVALID_CSR, () -> DeviceCsr.verify(tampered));
    // Flip a bit in the last byte (inside the signature value).
    byte[] badSignature = der.clone();
    badSignature[badSignature.length - 1] ^= 0x01;
    assertRefused(SoftTokenError.INVALID_CSR, () -> DeviceCsr.verify(badSignature));
  }

  @Test
  void refusesARequestSignedByAnotherKey() throws Exception {
    KeyPair subject = TestSupport.p256();
    KeyPair other = TestSupport.p256();
    byte[] der = csr(subject.getPublic(), other.getPrivate(), "SHA256withECDSA");
    assertRefused(SoftTokenError.INVALID_CSR, () -> DeviceCsr.verify(der));
  }

  @Test
  void refusesAnRsaKey() throws Exception {
    KeyPair rsa = TestSupport.rsa();
    byte[] der = csr(rsa.getPublic(), rsa.getPrivate(), "SHA256withRSA");
    assertRefused(SoftTokenError.UNSUPPORTED_KEY, () -> DeviceCsr.verify(der));
  }

  @Test
  void refusesAP384Key() throws Exception {
    KeyPair p384 = TestSupport.ecKeys("secp384r1");
    byte[] der = csr(p384.getPublic(), p384.getPrivate(), "SHA256withECDSA");
    assertRefused(SoftTokenError.UNSUPPORTED_KEY, () -> DeviceCsr.verify(der));
  }

  @Test
  void refusesExplicitCurveParametersEvenForP256() throws Exception {
    KeyPair keys = TestSupport.p256();
    SubjectPublicKeyInfo named = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
    X9ECParameters p256 = ECNamedCurveTable.getByOID(X9ObjectIdentifiers.prime256v1);
    SubjectPublicKeyInfo explicit =
        new SubjectPublicKeyInfo(
            new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, p256),
            named.getPublicKeyData().getBytes());
    byte[] der =
        new PKCS10CertificationRequestBuilder(new X500Name("CN=x"), explicit)
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()))
            .getEncoded();
    assertRefused(SoftTokenError.UNSUPPORTED_KEY, () -> DeviceCsr.verify(der));
  }

  @Test
  void refusesAnotherSignatureAlgorithm() throws Exception {
    KeyPair keys = TestSupport.p256();
    byte[] sha384 = csr(keys.getPublic(), keys.getPrivate(), "SHA384withECDSA");
    assertRefused(SoftTokenError.UNSUPPORTED_ALGORITHM, () -> DeviceCsr.verify(sha384));
    byte[] sha1 = csr(keys.getPublic(), keys.getPrivate(), "SHA1withECDSA");
    assertRefused(SoftTokenError.UNSUPPORTED_ALGORITHM, () -> DeviceCsr.verify(sha1));
  }

  @Test
  void refusesMalformedInput() {
    byte[] der = DeviceCsr.create(TestSupport.p256());
    assertRefused(SoftTokenError.INVALID_CSR, () -> DeviceCsr.verify("not base64!"));
    assertRefused(SoftTokenError.INVALID_CSR, () -> DeviceCsr.verify(""));
    assertRefused(SoftTokenError.INVALID_CSR, () -> DeviceCsr.verify((String) null));
    assertRefused(SoftTokenError.INVALID_CSR, () -> DeviceCsr.verify(new byte[] {0x30, 0x03, 1}));
    assertRefused(
        SoftTokenError.INVALID_CSR,
        () ->
            DeviceCsr.verify(
                Base64.getUrlEncoder().withoutPadding().encodeToString(der).replace('A', '-')
                    + "-"));
    byte[] trailing = Arrays.copyOf(der, der.length + 2);
    assertRefused(SoftTokenError.INVALID_CSR, () -> DeviceCsr.verify(trailing));
    assertRefused(SoftTokenError.INVALID_CSR, () -> DeviceCsr.verify(new byte[5000]));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
