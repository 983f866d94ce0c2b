package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.NOW;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.RANDOM;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.assertRefused;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.b64u;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.handMadeJws;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChallengeResponsesTest {

  private static final Duration SKEW = SoftTokenProtocol.DEFAULT_IAT_SKEW;
  private static TestSupport.Ca ca;
  private static TestSupport.Device device;
  private PendingChallenge challenge;
  private ChallengeResponses.ExpectedChallenge expected;

  @BeforeAll
  static void setUpDevice() throws Exception {
    ca = TestSupport.Ca.create();
    device = ca.issue("T05005000000101");
  }

  @BeforeEach
  void setUpChallenge() {
    NumberMatching.Numbers numbers = NumberMatching.generate(RANDOM);
    challenge =
        new PendingChallenge(
            Base64Urls.random(RANDOM, SoftTokenProtocol.CHALLENGE_ID_BYTES),
            ChallengeResponses.newNonce(RANDOM),
            "gfmis",
            "New GFMIS Thai",
            NOW.minusSeconds(10),
            NOW.plus(SoftTokenProtocol.DEFAULT_CHALLENGE_TTL),
            "Chrome on Windows",
            "192.0.2.10",
            numbers.choices());
    expected =
        new ChallengeResponses.ExpectedChallenge(
            challenge.id(), challenge.nonce(), numbers.displayed(), challenge.expiresAt());
  }

  private String sign(Decision decision, Integer number) {
    return ChallengeResponses.sign(
        challenge, decision, number, device.kid(), device.keys().getPrivate(), NOW);
  }

  private ChallengeResponses.Verified verify(String jws) throws SoftTokenProtocolException {
    return ChallengeResponses.verify(jws, expected, NOW, SKEW, device.resolver());
  }

  private int wrongNumber() {
    return challenge.numberChoices().stream()
        .filter(n -> n != expected.displayedNumber())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void approvesWithTheDisplayedNumber() throws Exception {
    ChallengeResponses.Verified v = verify(sign(Decision.APPROVE, expected.displayedNumber()));
    assertEquals(Decision.APPROVE, v.decision());
    assertEquals(device.kid(), v.kid());
    assertEquals(expected.displayedNumber(), v.claims().number());
    assertEquals("gfmis-softtoken-nonce:" + challenge.nonce(), v.replayKey());
    assertEquals(new ChallengeResponseResult("approved"), ChallengeResponseResult.of(v.decision()));
  }

  @Test
  void deniesWithOrWithoutANumber() throws Exception {
    assertEquals(Decision.DENY, verify(sign(Decision.DENY, null)).decision());
    assertEquals(Decision.DENY, verify(sign(Decision.DENY, wrongNumber())).decision());
    assertEquals(new ChallengeResponseResult("denied"), ChallengeResponseResult.of(Decision.DENY));
  }

  @Test
  void refusesTheWrongNumber() {
    assertRefused(SoftTokenError.WRONG_NUMBER, () -> verify(sign(Decision.APPROVE, wrongNumber())));
    assertRefused(SoftTokenError.WRONG_NUMBER, () -> verify(sign(Decision.APPROVE, 100)));
  }

  @Test
  void approvingNeedsANumber() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> sign(Decision.APPROVE, null));
    String h = header(SoftTokenProtocol.TYP_CHALLENGE_RESPONSE);
    String p =
        "{\"challengeId\":\""
            + challenge.id()
            + "\",\"nonce\":\""
            + challenge.nonce()
            + "\",\"decision\":\"approve\",\"iat\":"
            + NOW.getEpochSecond()
            + "}";
    assertRefused(
        SoftTokenError.INVALID_REQUEST,
        () -> verify(handMadeJws(h, p, device.keys().getPrivate())));
  }

  @Test
  void refusesAnotherChallengeOrNonce() throws Exception {
    String jws = sign(Decision.APPROVE, expected.displayedNumber());
    ChallengeResponses.ExpectedChallenge otherId =
        new ChallengeResponses.ExpectedChallenge(
            Base64Urls.random(RANDOM, SoftTokenProtocol.CHALLENGE_ID_BYTES),
            expected.nonce(),
            expected.displayedNumber(),
            expected.expiresAt());
    assertRefused(
        SoftTokenError.INVALID_REQUEST,
        () -> ChallengeResponses.verify(jws, otherId, NOW, SKEW, device.resolver()));
    ChallengeResponses.ExpectedChallenge otherNonce =
        new ChallengeResponses.ExpectedChallenge(
            expected.id(),
            ChallengeResponses.newNonce(RANDOM),
            expected.displayedNumber(),
            expected.expiresAt());
    assertRefused(
        SoftTokenError.INVALID_REQUEST,
        () -> ChallengeResponses.verify(jws, otherNonce, NOW, SKEW, device.resolver()));
  }

  @Test
  void refusesAnExpiredChallenge() {
    String jws = sign(Decision.APPROVE, expected.displayedNumber());
    ChallengeResponses.ExpectedChallenge expired =
        new ChallengeResponses.ExpectedChallenge(
            expected.id(), expected.nonce(), expected.displayedNumber(), NOW);
    assertRefused(
        SoftTokenError.CHALLENGE_EXPIRED,
        () -> ChallengeResponses.verify(jws, expired, NOW, SKEW, device.resolver()));
  }

  @Test
  void refusesAStaleOrFutureIat() {
    String jws = sign(Decision.APPROVE, expected.displayedNumber());
    assertRefused(
        SoftTokenError.INVALID_REQUEST,
        () ->
            ChallengeResponses.verify(jws, expected, NOW.plusSeconds(61), SKEW, device.resolver()));
    assertRefused(
        SoftTokenError.INVALID_REQUEST,
        () ->
            ChallengeResponses.verify(
                jws, expected, NOW.minusSeconds(61), SKEW, device.resolver()));
  }

  @Test
  void refusesAnUnknownDecision() throws Exception {
    String h = header(SoftTokenProtocol.TYP_CHALLENGE_RESPONSE);
    for (String decision : new String[] {"APPROVE", "maybe", ""}) {
      String p =
          "{\"challengeId\":\""
              + challenge.id()
              + "\",\"nonce\":\""
              + challenge.nonce()
              + "\",\"decision\":\""
              + decision
              + "\",\"number\":"
              + expected.displayedNumber()
              + ",\"iat\":"
              + NOW.getEpochSecond()
              + "}";
      String jws = handMadeJws(h, p, device.keys().getPrivate());
      assertRefused(SoftTokenError.INVALID_REQUEST, () -> verify(jws));
    }
  }

  @Test
  void refusesTheDeviceAuthTypAndOtherAlgorithms() throws Exception {
    String p =
        "{\"challengeId\":\""
            + challenge.id()
            + "\",\"nonce\":\""
            + challenge.nonce()
            + "\",\"decision\":\"deny\",\"iat\":"
            + NOW.getEpochSecond()
            + "}";
    String wrongTyp =
        handMadeJws(header(SoftTokenProtocol.TYP_DEVICE_AUTH), p, device.keys().getPrivate());
    assertRefused(SoftTokenError.INVALID_REQUEST, () -> verify(wrongTyp));
    String none = b64u("{\"alg\":\"none\"}") + "." + b64u(p) + ".";
    assertRefused(SoftTokenError.UNSUPPORTED_ALGORITHM, () -> verify(none));
  }

  @Test
  void refusesATamperedNumberAndAForeignKey() throws Exception {
    String jws = sign(Decision.APPROVE, wrongNumber());
    String[] parts = jws.split("\\.");
    String payload =
        new String(Base64Urls.decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
            .replace("\"number\":" + wrongNumber(), "\"number\":" + expected.displayedNumber());
    String tampered = parts[0] + "." + b64u(payload) + "." + parts[2];
    assertRefused(SoftTokenError.INVALID_SIGNATURE, () -> verify(tampered));

    TestSupport.Device other = ca.issue("T05005000000101");
    String foreign =
        ChallengeResponses.sign(
            challenge,
            Decision.APPROVE,
            expected.displayedNumber(),
            device.kid(),
            other.keys().getPrivate(),
            NOW);
    assertRefused(SoftTokenError.INVALID_SIGNATURE, () -> verify(foreign));
    String otherDevice =
        ChallengeResponses.sign(
            challenge,
            Decision.APPROVE,
            expected.displayedNumber(),
            other.kid(),
            other.keys().getPrivate(),
            NOW);
    assertRefused(SoftTokenError.UNKNOWN_CERTIFICATE, () -> verify(otherDevice));
  }

  @Test
  void pendingChallengeJsonHasTheDocumentedShape() throws Exception {
    String json = SoftTokenJson.write(new PendingChallenges(List.of(challenge)));
    var node = SoftTokenJson.mapper().readTree(json).get("challenges").get(0);
    assertEquals(challenge.id(), node.get("id").asText());
    assertEquals(NOW.minusSeconds(10).toString(), node.get("createdAt").asText());
    assertEquals(3, node.get("numberChoices").size());
    assertEquals(challenge, SoftTokenJson.read(json, PendingChallenges.class).challenges().get(0));
  }

  private String header(String typ) {
    return "{\"alg\":\"ES256\",\"typ\":\"" + typ + "\",\"kid\":\"" + device.kid() + "\"}";
  }
}
