package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.NOW;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.RANDOM;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.assertRefused;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.handMadeJws;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeviceAuthTest {

  private static final Duration SKEW = SoftTokenProtocol.DEFAULT_IAT_SKEW;
  private static final String URL =
      "https://sso.example.go.th/realms/gfmis/gfmis-softtoken/challenges";
  private static TestSupport.Ca ca;
  private static TestSupport.Device device;

  @BeforeAll
  static void setUp() throws Exception {
    ca = TestSupport.Ca.create();
    device = ca.issue("T05005000000101");
  }

  private static String header(String method, String url, Instant iat) {
    return DeviceAuth.authorizationHeader(
        method, URI.create(url), device.kid(), device.keys().getPrivate(), iat, RANDOM);
  }

  private static DeviceAuth.Verified verify(String header, String method, String url)
      throws SoftTokenProtocolException {
    return DeviceAuth.verify(header, method, url, NOW, SKEW, device.resolver());
  }

  @Test
  void acceptsAWellFormedRequest() throws Exception {
    DeviceAuth.Verified v = verify(header("GET", URL, NOW), "GET", URL);
    assertEquals(device.kid(), v.kid());
    assertEquals(device.certificate(), v.certificate());
    assertEquals("T05005000000101", v.username());
    assertEquals("GET", v.claims().htm());
    assertEquals(URL, v.claims().htu());
    assertEquals(NOW.getEpochSecond(), v.claims().iat());
    assertTrue(v.claims().jti().length() >= 22);
    assertTrue(v.replayKey().startsWith("gfmis-softtoken-jti:" + device.kid() + ":"));
  }

  @Test
  void jtiIsFreshEachTime() throws Exception {
    DeviceAuth.Verified a = verify(header("GET", URL, NOW), "GET", URL);
    DeviceAuth.Verified b = verify(header("GET", URL, NOW), "GET", URL);
    assertNotEquals(a.claims().jti(), b.claims().jti());
    assertNotEquals(a.replayKey(), b.replayKey());
  }

  @Test
  void htuIsComparedNormalised() throws Exception {
    String h = header("POST", URL + "?ignored=1", NOW);
    verify(h, "post", "HTTPS://SSO.example.go.th:443/realms/gfmis/gfmis-softtoken/challenges");
    verify(h, "POST", URL + "?other=2#frag");
    verify(h, "POST", "https://sso.example.go.th/realms/%67fmis/gfmis-softtoken/challenges");
  }

  @Test
  void acceptsTheSchemeInAnyCase() throws Exception {
    String h = header("GET", URL, NOW).replace("SoftToken ", "softtoken  ");
    verify(h, "GET", URL);
  }

  @Test
  void refusesAMissingOrForeignHeader() throws Exception {
    String jws = header("GET", URL, NOW).substring("SoftToken ".length());
    assertRefused(SoftTokenError.INVALID_DEVICE_AUTH, () -> verify(null, "GET", URL));
    assertRefused(SoftTokenError.INVALID_DEVICE_AUTH, () -> verify(" ", "GET", URL));
    assertRefused(SoftTokenError.INVALID_DEVICE_AUTH, () -> verify("Bearer " + jws, "GET", URL));
    assertRefused(SoftTokenError.INVALID_DEVICE_AUTH, () -> verify(jws, "GET", URL));
    assertRefused(SoftTokenError.INVALID_DEVICE_AUTH, () -> verify("SoftToken", "GET", URL));
    assertRefused(
        SoftTokenError.INVALID_DEVICE_AUTH, () -> verify("SoftToken " + jws + " x", "GET", URL));
    String twoParts = jws.substring(0, jws.lastIndexOf('.'));
    assertRefused(
        SoftTokenError.INVALID_DEVICE_AUTH, () -> verify("SoftToken " + twoParts, "GET", URL));
  }

  @Test
  void refusesAnotherMethodOrUrl() {
    String h = header("GET", URL, NOW);
    assertRefused(SoftTokenError.INVALID_DEVICE_AUTH, () -> verify(h, "POST", URL));
    assertRefused(
        SoftTokenError.INVALID_DEVICE_AUTH,
        () -> verify(h, "GET", URL.replace("challenges", "device")));
    assertRefused(
        SoftTokenError.INVALID_DEVICE_AUTH,
        () -> verify(h, "GET", URL.replace("sso.example", "evil.example")));
    assertRefused(
        SoftTokenError.INVALID_DEVICE_AUTH, () -> verify(h, "GET", URL.replace("https", "http")));
    assertRefused(SoftTokenError.INVALID_DEVICE_AUTH, () -> verify(h, "GET", URL + "/"));
    assertRefused(
        SoftTokenError.INVALID_DEVICE_AUTH,
        () -> verify(h, "GET", URL.replace("/realms/gfmis/", "/realms/other/")));
  }

  @Test
  void iatMustBeWithinTheSkew() throws Exception {
    verify(header("GET", URL, NOW.minusSeconds(60)), "GET", URL);
    verify(header("GET", URL, NOW.plusSeconds(60)), "GET", URL);
    assertRefused(
        SoftTokenError.INVALID_DEVICE_AUTH,
        () -> verify(header("GET", URL, NOW.minusSeconds(61)), "GET", URL));
    assertRefused(
        SoftTokenError.INVALID_DEVICE_AUTH,
        () -> verify(header("GET", URL, NOW.plusSeconds(61)), "GET", URL));
  }

  @Test
  void claimsMustBeWellFormed() throws Exception {
    String h =
        "{\"alg\":\"ES256\",\"typ\":\"gfmis-device-auth+jwt\",\"kid\":\"" + device.kid() + "\"}";
    long iat = NOW.getEpochSecond();
    String jti = Base64Urls.random(RANDOM, 16);
    String[] payloads = {
      "{\"htm\":\"GET\",\"htu\":\"" + URL + "\",\"iat\":" + iat + ",\"jti\":\"short\"}",
      "{\"htm\":\"GET\",\"htu\":\"" + URL + "\",\"iat\":" + iat + "}",
      "{\"htm\":\"GET\",\"htu\":\"" + URL + "\",\"jti\":\"" + jti + "\"}",
      "{\"htm\":\"GET\",\"htu\":\"" + URL + "\",\"iat\":\"" + iat + "\",\"jti\":\"" + jti + "\"}",
      "{\"htm\":\"GET\",\"htu\":\"" + URL + "\",\"iat\":" + iat + ".5,\"jti\":\"" + jti + "\"}",
      "{\"htu\":\"" + URL + "\",\"iat\":" + iat + ",\"jti\":\"" + jti + "\"}",
      "{\"htm\":\"get\",\"htu\":\"" + URL + "\",\"iat\":" + iat + ",\"jti\":\"" + jti + "\"}",
      "{\"htm\":\"GET\",\"iat\":" + iat + ",\"jti\":\"" + jti + "\"}",
      "{\"htm\":\"GET\",\"htu\":\"/relative\",\"iat\":" + iat + ",\"jti\":\"" + jti + "\"}",
      "{\"htm\":\"GET\",\"htm\":\"GET\",\"htu\":\""
          + URL
          + "\",\"iat\":"
          + iat
          + ",\"jti\":\""
          + jti
          + "\"}",
      "[]",
    };
    for (String p : payloads) {
      String auth = "SoftToken " + handMadeJws(h, p, device.keys().getPrivate());
      assertRefused(SoftTokenError.INVALID_DEVICE_AUTH, () -> verify(auth, "GET", URL));
    }
    String ok =
        "{\"htm\":\"GET\",\"htu\":\""
            + URL
            + "\",\"iat\":"
            + iat
            + ",\"jti\":\""
            + jti
            + "\",\"extra\":true}";
    verify("SoftToken " + handMadeJws(h, ok, device.keys().getPrivate()), "GET", URL);
  }

  @Test
  void refusesTheChallengeResponseTyp() throws Exception {
    String h =
        "{\"alg\":\"ES256\",\"typ\":\"gfmis-challenge-response+jwt\",\"kid\":\""
            + device.kid()
            + "\"}";
    String p =
        "{\"htm\":\"GET\",\"htu\":\""
            + URL
            + "\",\"iat\":"
            + NOW.getEpochSecond()
            + ",\"jti\":\""
            + Base64Urls.random(RANDOM, 16)
            + "\"}";
    String auth = "SoftToken " + handMadeJws(h, p, device.keys().getPrivate());
    assertRefused(SoftTokenError.INVALID_DEVICE_AUTH, () -> verify(auth, "GET", URL));
  }

  @Test
  void refusesOtherAlgorithms() throws Exception {
    String h =
        "{\"alg\":\"HS256\",\"typ\":\"gfmis-device-auth+jwt\",\"kid\":\"" + device.kid() + "\"}";
    String auth = "SoftToken " + handMadeJws(h, "{}", device.keys().getPrivate());
    assertRefused(SoftTokenError.UNSUPPORTED_ALGORITHM, () -> verify(auth, "GET", URL));
  }

  @Test
  void refusesAnotherKeyAndUnknownOrBadCertificates() throws Exception {
    TestSupport.Device other = ca.issue("T05005000000101");
    // Signed by another device's key, but naming this device's certificate.
    String forged =
        DeviceAuth.authorizationHeader(
            "GET", URI.create(URL), device.kid(), other.keys().getPrivate(), NOW, RANDOM);
    assertRefused(SoftTokenError.INVALID_SIGNATURE, () -> verify(forged, "GET", URL));
    // A certificate the resolver does not know.
    String unknown =
        DeviceAuth.authorizationHeader(
            "GET", URI.create(URL), other.kid(), other.keys().getPrivate(), NOW, RANDOM);
    assertRefused(SoftTokenError.UNKNOWN_CERTIFICATE, () -> verify(unknown, "GET", URL));
    // A resolver that reports revocation.
    assertRefused(
        SoftTokenError.CERTIFICATE_REVOKED,
        () ->
            DeviceAuth.verify(
                header("GET", URL, NOW),
                "GET",
                URL,
                NOW,
                SKEW,
                kid -> {
                  throw new SoftTokenProtocolException(
                      SoftTokenError.CERTIFICATE_REVOKED, "revoked");
                }));
    // A resolver that returns a certificate with another serial.
    assertRefused(
        SoftTokenError.UNKNOWN_CERTIFICATE,
        () ->
            DeviceAuth.verify(
                header("GET", URL, NOW), "GET", URL, NOW, SKEW, kid -> other.certificate()));
    assertRefused(
        SoftTokenError.UNKNOWN_CERTIFICATE,
        () -> DeviceAuth.verify(header("GET", URL, NOW), "GET", URL, NOW, SKEW, kid -> null));
  }

  @Test
  void refusesAnExpiredCertificate() {
    Instant later = NOW.plus(Duration.ofDays(800));
    String h = header("GET", URL, later);
    assertRefused(
        SoftTokenError.CERTIFICATE_EXPIRED,
        () -> DeviceAuth.verify(h, "GET", URL, later, SKEW, device.resolver()));
  }
}
