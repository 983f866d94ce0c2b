package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

class Es256SignaturesTest {

  private static final byte[] INPUT =
      "eyJhbGciOiJFUzI1NiJ9.eyJ4IjoxfQ".getBytes(StandardCharsets.US_ASCII);

  private static KeyPair jdkKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  @Test
  void aSignatureOfTheJdksDefaultProviderVerifies() throws Exception {
    KeyPair keys = jdkKeys();
    Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
    jdk.initSign(keys.getPrivate());
    jdk.update(INPUT);
    byte[] rs = jdk.sign();
    assertTrue(Es256Signatures.verify((ECPublicKey) keys.getPublic(), INPUT, rs));
  }

  @Test
  void itsSignatureIsSixtyFourBytesThatTheJdkVerifies() throws Exception {
    KeyPair keys = jdkKeys();
    byte[] rs = Es256Signatures.sign(keys.getPrivate(), INPUT);
    assertEquals(64, rs.length);
    Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
    jdk.initVerify(keys.getPublic());
    jdk.update(INPUT);
    assertTrue(jdk.verify(rs));
  }

  @Test
  void anyChangeOrAnotherKeyFails() throws Exception {
    KeyPair keys = jdkKeys();
    ECPublicKey key = (ECPublicKey) keys.getPublic();
    byte[] rs = Es256Signatures.sign(keys.getPrivate(), INPUT);
    byte[] original = rs.clone();

    rs[10] ^= 1;
    assertFalse(Es256Signatures.verify(key, INPUT, rs));
    byte[] changedInput = INPUT.clone();
    changedInput[0] ^= 1;
    assertFalse(Es256Signatures.verify(key, changedInput, original));
    assertFalse(Es256Signatures.verify((ECPublicKey) jdkKeys().getPublic(), INPUT, original));
    assertFalse(Es256Signatures.verify(key, INPUT, new byte[64]), "zeros");
    assertFalse(Es256Signatures.verify(key, INPUT, new byte[63]), "short");
    assertFalse(Es256Signatures.verify(key, INPUT, new byte[65]), "long");
    assertTrue(Es256Signatures.verify(key, INPUT, original));
  }
}
