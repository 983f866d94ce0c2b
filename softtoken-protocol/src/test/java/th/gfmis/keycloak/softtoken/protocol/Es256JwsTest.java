package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.assertRefused;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.b64u;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.handMadeJws;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.jose.jws.JWSBuilder;

class Es256JwsTest {

  private static final String TYP = SoftTokenProtocol.TYP_DEVICE_AUTH;
  private static final String PAYLOAD = "{\"hello\":\"world\"}";
  private static TestSupport.Device device;

  @BeforeAll
  static void setUp() throws Exception {
    device = TestSupport.Ca.create().issue("T05005000000101");
  }

  private static String header(String alg) {
    return "{\"alg\":\"" + alg + "\",\"typ\":\"" + TYP + "\",\"kid\":\"" + device.kid() + "\"}";
  }

  private static byte[] payload() {
    return PAYLOAD.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void signsAndVerifiesManyTimes() throws Exception {
    // Many signatures, so that R or S with leading zero bytes occur and the 64-byte form holds.
    for (int i = 0; i < 300; i++) {
      String jws = Es256Jws.sign(TYP, device.kid(), payload(), device.keys().getPrivate());
      Es256Jws.Parsed parsed = Es256Jws.parse(jws, TYP);
      assertEquals(device.kid(), parsed.kid());
      assertEquals(64, Base64Urls.decode(jws.split("\\.")[2]).length);
      parsed.verify(device.certificate().getPublicKey());
      assertArrayEquals(payload(), parsed.payload());
    }
  }

  @Test
  void acceptsASignatureMadeIndependently() throws Exception {
    String jws = handMadeJws(header("ES256"), PAYLOAD, device.keys().getPrivate());
    Es256Jws.parse(jws, TYP).verify(device.certificate().getPublicKey());
  }

  @Test
  void headerHasExactlyAlgTypKid() throws Exception {
    String jws = Es256Jws.sign(TYP, device.kid(), payload(), device.keys().getPrivate());
    String header =
        new String(Base64Urls.decode(jws.substring(0, jws.indexOf('.'))), StandardCharsets.UTF_8);
    var node = SoftTokenJson.mapper().readTree(header);
    assertEquals("ES256", node.get("alg").asText());
    assertEquals(TYP, node.get("typ").asText());
    assertEquals(device.kid(), node.get("kid").asText());
    assertEquals(3, node.size());
  }

  @Test
  void refusesAlgNone() throws Exception {
    String none = b64u(header("none")) + "." + b64u(PAYLOAD) + ".";
    assertRefused(SoftTokenError.UNSUPPORTED_ALGORITHM, () -> Es256Jws.parse(none, TYP));
    String keycloakNone = new JWSBuilder().type(TYP).kid(device.kid()).content(payload()).none();
    assertRefused(SoftTokenError.UNSUPPORTED_ALGORITHM, () -> Es256Jws.parse(keycloakNone, TYP));
  }

  @Test
  void refusesHs256() {
    String hs256 =
        new JWSBuilder().type(TYP).kid(device.kid()).content(payload()).hmac256(new byte[32]);
    assertRefused(SoftTokenError.UNSUPPORTED_ALGORITHM, () -> Es256Jws.parse(hs256, TYP));
  }

  @Test
  void refusesRs256() throws Exception {
    KeyPair rsa = TestSupport.rsa();
    String rs256 =
        new JWSBuilder().type(TYP).kid(device.kid()).content(payload()).rsa256(rsa.getPrivate());
    assertRefused(SoftTokenError.UNSUPPORTED_ALGORITHM, () -> Es256Jws.parse(rs256, TYP));
  }

  @Test
  void refusesOtherEcAlgorithmsAndCaseVariants() throws Exception {
    for (String alg : new String[] {"ES384", "ES512", "es256", "ES256 ", "EdDSA", "PS256", ""}) {
      String jws = handMadeJws(header(alg), PAYLOAD, device.keys().getPrivate());
      assertRefused(SoftTokenError.UNSUPPORTED_ALGORITHM, () -> Es256Jws.parse(jws, TYP));
    }
    String missing =
        handMadeJws(
            "{\"typ\":\"" + TYP + "\",\"kid\":\"" + device.kid() + "\"}",
            PAYLOAD,
            device.keys().getPrivate());
    assertRefused(SoftTokenError.UNSUPPORTED_ALGORITHM, () -> Es256Jws.parse(missing, TYP));
    String array =
        handMadeJws(
            "{\"alg\":[\"ES256\"],\"typ\":\"" + TYP + "\",\"kid\":\"" + device.kid() + "\"}",
            PAYLOAD,
            device.keys().getPrivate());
    assertRefused(SoftTokenError.UNSUPPORTED_ALGORITHM, () -> Es256Jws.parse(array, TYP));
  }

  @Test
  void refusesATamperedPayload() throws Exception {
    String jws = Es256Jws.sign(TYP, device.kid(), payload(), device.keys().getPrivate());
    String[] p = jws.split("\\.");
    String tampered = p[0] + "." + b64u("{\"hello\":\"World\"}") + "." + p[2];
    Es256Jws.Parsed parsed = Es256Jws.parse(tampered, TYP);
    assertRefused(
        SoftTokenError.INVALID_SIGNATURE, () -> parsed.verify(device.certificate().getPublicKey()));
  }

  @Test
  void refusesATamperedHeader() throws Exception {
    String jws = Es256Jws.sign(TYP, device.kid(), payload(), device.keys().getPrivate());
    String[] p = jws.split("\\.");
    // Same members, other order: still a valid header, but not the signed bytes.
    String reordered =
        b64u("{\"kid\":\"" + device.kid() + "\",\"typ\":\"" + TYP + "\",\"alg\":\"ES256\"}");
    Es256Jws.Parsed parsed = Es256Jws.parse(reordered + "." + p[1] + "." + p[2], TYP);
    assertRefused(
        SoftTokenError.INVALID_SIGNATURE, () -> parsed.verify(device.certificate().getPublicKey()));
  }

  @Test
  void refusesASignatureByAnotherKey() throws Exception {
    KeyPair other = TestSupport.p256();
    String jws = Es256Jws.sign(TYP, device.kid(), payload(), other.getPrivate());
    Es256Jws.Parsed parsed = Es256Jws.parse(jws, TYP);
    assertRefused(
        SoftTokenError.INVALID_SIGNATURE, () -> parsed.verify(device.certificate().getPublicKey()));
  }

  @Test
  void refusesDerSignaturesAndWrongLengths() throws Exception {
    String input = b64u(header("ES256")) + "." + b64u(PAYLOAD);
    Signature der = Signature.getInstance("SHA256withECDSA");
    der.initSign(device.keys().getPrivate());
    der.update(input.getBytes(StandardCharsets.US_ASCII));
    String derJws = input + "." + Base64Urls.encode(der.sign());
    assertRefused(SoftTokenError.INVALID_SIGNATURE, () -> Es256Jws.parse(derJws, TYP));
    String short63 = input + "." + Base64Urls.encode(new byte[63]);
    assertRefused(SoftTokenError.INVALID_SIGNATURE, () -> Es256Jws.parse(short63, TYP));
    String zeros = input + "." + Base64Urls.encode(new byte[64]);
    Es256Jws.Parsed parsed = Es256Jws.parse(zeros, TYP);
    assertRefused(
        SoftTokenError.INVALID_SIGNATURE, () -> parsed.verify(device.certificate().getPublicKey()));
  }

  @Test
  void refusesMalformedStructure() throws Exception {
    String jws = Es256Jws.sign(TYP, device.kid(), payload(), device.keys().getPrivate());
    String[] p = jws.split("\\.");
    assertRefused(SoftTokenError.INVALID_REQUEST, () -> Es256Jws.parse(p[0] + "." + p[1], TYP));
    assertRefused(SoftTokenError.INVALID_REQUEST, () -> Es256Jws.parse(jws + ".x", TYP));
    assertRefused(SoftTokenError.INVALID_REQUEST, () -> Es256Jws.parse(jws + ".", TYP));
    assertRefused(SoftTokenError.INVALID_REQUEST, () -> Es256Jws.parse("", TYP));
    assertRefused(SoftTokenError.INVALID_REQUEST, () -> Es256Jws.parse(null, TYP));
    assertRefused(SoftTokenError.INVALID_REQUEST, () -> Es256Jws.parse("..", TYP));
    assertRefused(SoftTokenError.INVALID_REQUEST, () -> Es256Jws.parse(p[0] + ".." + p[2], TYP));
    assertRefused(
        SoftTokenError.INVALID_REQUEST, () -> Es256Jws.parse("!!" + "." + p[1] + "." + p[2], TYP));
    assertRefused(
        SoftTokenError.INVALID_REQUEST, () -> Es256Jws.parse(p[0] + "." + p[1] + "*." + p[2], TYP));
    assertRefused(
        SoftTokenError.INVALID_REQUEST,
        () -> Es256Jws.parse(p[0] + "." + p[1] + "." + p[2] + "=", TYP));
    assertRefused(
        SoftTokenError.INVALID_REQUEST, () -> Es256Jws.parse(p[0] + "=." + p[1] + "." + p[2], TYP));
    assertRefused(
        SoftTokenError.INVALID_REQUEST,
        () -> Es256Jws.parse(b64u("not json") + "." + p[1] + "." + p[2], TYP));
    assertRefused(
        SoftTokenError.INVALID_REQUEST,
        () -> Es256Jws.parse(b64u("[1,2]") + "." + p[1] + "." + p[2], TYP));
    assertRefused(SoftTokenError.INVALID_REQUEST, () -> Es256Jws.parse("a".repeat(9000), TYP));
  }

  @Test
  void refusesBadHeaderMembers() throws Exception {
    String kid = device.kid();
    String[] headers = {
      "{\"alg\":\"ES256\",\"typ\":\"other+jwt\",\"kid\":\"" + kid + "\"}",
      "{\"alg\":\"ES256\",\"kid\":\"" + kid + "\"}",
      "{\"alg\":\"ES256\",\"typ\":\"" + TYP + "\"}",
      "{\"alg\":\"ES256\",\"typ\":\""
          + TYP
          + "\",\"kid\":\""
          + kid.toUpperCase(java.util.Locale.ROOT)
          + "A\"}",
      "{\"alg\":\"ES256\",\"typ\":\"" + TYP + "\",\"kid\":\"0" + kid + "\"}",
      "{\"alg\":\"ES256\",\"typ\":\"" + TYP + "\",\"kid\":12}",
      "{\"alg\":\"ES256\",\"typ\":\"" + TYP + "\",\"kid\":\"" + kid + "\",\"jwk\":{}}",
      "{\"alg\":\"ES256\",\"typ\":\"" + TYP + "\",\"kid\":\"" + kid + "\",\"crit\":[\"b64\"]}",
      "{\"alg\":\"ES256\",\"alg\":\"ES256\",\"typ\":\"" + TYP + "\",\"kid\":\"" + kid + "\"}",
    };
    for (String h : headers) {
      String jws = handMadeJws(h, PAYLOAD, device.keys().getPrivate());
      assertRefused(SoftTokenError.INVALID_REQUEST, () -> Es256Jws.parse(jws, TYP));
    }
  }

  @Test
  void refusesANonP256VerificationKey() throws Exception {
    String jws = Es256Jws.sign(TYP, device.kid(), payload(), device.keys().getPrivate());
    Es256Jws.Parsed parsed = Es256Jws.parse(jws, TYP);
    KeyPair rsa = TestSupport.rsa();
    assertRefused(SoftTokenError.UNSUPPORTED_KEY, () -> parsed.verify(rsa.getPublic()));
  }

  @Test
  void payloadMustBeJsonForClaims() throws Exception {
    String jws =
        Es256Jws.sign(
            TYP,
            device.kid(),
            "not json".getBytes(StandardCharsets.UTF_8),
            device.keys().getPrivate());
    Es256Jws.Parsed parsed = Es256Jws.parse(jws, TYP);
    parsed.verify(device.certificate().getPublicKey());
    assertRefused(SoftTokenError.INVALID_REQUEST, () -> parsed.claims(DeviceAuthClaims.class));
  }
}
