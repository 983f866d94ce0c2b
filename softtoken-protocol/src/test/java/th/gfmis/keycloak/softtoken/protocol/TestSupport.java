package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import org.junit.jupiter.api.function.Executable;

/** Shared fixtures: keys, a CA, a device certificate, hand-made JWS. */
final class TestSupport {

  static final SecureRandom RANDOM = new SecureRandom();
  static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

  private TestSupport() {}

  static KeyPair p256() {
    return DeviceKeys.generate(RANDOM);
  }

  static KeyPair ecKeys(String curve) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec(curve), RANDOM);
    return g.generateKeyPair();
  }

  static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048, RANDOM);
    return g.generateKeyPair();
  }

  /** A CA key pair plus its certificate. */
  record Ca(KeyPair keys, X509Certificate certificate) {
    static Ca create() {
      KeyPair keys = p256();
      return new Ca(
          keys,
          SoftTokenCa.createCaCertificate(
              keys,
              "CN=GFMIS Soft Token CA,O=test",
              NOW.minusSeconds(86400),
              SoftTokenProtocol.DEFAULT_CA_CERTIFICATE_LIFETIME,
              RANDOM));
    }

    Device issue(String username) throws SoftTokenProtocolException {
      KeyPair deviceKeys = p256();
      X509Certificate cert =
          SoftTokenCa.issueDeviceCertificate(
              keys.getPrivate(),
              certificate,
              deviceKeys.getPublic(),
              username,
              NOW.minusSeconds(3600),
              SoftTokenProtocol.DEFAULT_DEVICE_CERTIFICATE_LIFETIME,
              RANDOM);
      return new Device(deviceKeys, cert);
    }
  }

  /** A device key pair plus its certificate. */
  record Device(KeyPair keys, X509Certificate certificate) {
    String kid() {
      return Certificates.serialHex(certificate);
    }

    CertificateResolver resolver() {
      return kid -> {
        if (!kid.equals(kid())) {
          throw new SoftTokenProtocolException(SoftTokenError.UNKNOWN_CERTIFICATE, "unknown");
        }
        return certificate;
      };
    }
  }

  static String b64u(String text) {
    return Base64Urls.encode(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A JWS with any header, signed ES256 (JOSE R||S) by the JDK, independent of the code. */
  static String handMadeJws(String headerJson, String payloadJson, PrivateKey key)
      throws GeneralSecurityException {
    String input = b64u(headerJson) + "." + b64u(payloadJson);
    Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
    s.initSign(key);
    s.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + Base64Urls.encode(s.sign());
  }

  static SoftTokenProtocolException assertRefused(SoftTokenError expected, Executable call) {
    SoftTokenProtocolException e = assertThrows(SoftTokenProtocolException.class, call);
    assertEquals(expected, e.error(), () -> "description: " + e.getMessage());
    return e;
  }
}
