package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.assertRefused;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoftTokenJsonTest {

  @Test
  void errorResponseUsesOAuthStyleNames() throws Exception {
    String json =
        SoftTokenJson.write(
            new SoftTokenProtocolException(SoftTokenError.WRONG_NUMBER, "Wrong number.")
                .toErrorResponse());
    assertEquals("{\"error\":\"wrong_number\",\"error_description\":\"Wrong number.\"}", json);
    assertEquals(
        new ErrorResponse("wrong_number", "Wrong number."),
        SoftTokenJson.read(json, ErrorResponse.class));
  }

  @Test
  void aChallengeSaysHowTheNumberIsMatched() throws Exception {
    Instant t = Instant.parse("2026-01-05T08:00:00Z");
    String pick =
        SoftTokenJson.write(
            new PendingChallenge(
                "Yk3mC2yq0bq9v0x1Jq8n1A",
                "n",
                "gfmis",
                "GFMIS",
                t,
                t,
                "b",
                "ip",
                List.of(12, 47, 83)));
    assertTrue(pick.contains("\"numberChoices\":[12,47,83],\"numberMatching\":\"pick\""), pick);
    assertEquals(NumberMatching.Mode.PICK, SoftTokenJson.read(pick, PendingChallenge.class).mode());

    String type =
        SoftTokenJson.write(
            new PendingChallenge(
                "Yk3mC2yq0bq9v0x1Jq8n1A", "n", "gfmis", "GFMIS", t, t, "b", "ip", null, "type"));
    assertTrue(type.contains("\"numberMatching\":\"type\""), type);
    assertFalse(type.contains("numberChoices"), "typing lists no numbers: " + type);
    PendingChallenge typed = SoftTokenJson.read(type, PendingChallenge.class);
    assertEquals(NumberMatching.Mode.TYPE, typed.mode());
    assertEquals(null, typed.numberChoices());

    // A server from before the modes sends only numberChoices: picking.
    String old = pick.replace(",\"numberMatching\":\"pick\"", "");
    assertEquals(NumberMatching.Mode.PICK, SoftTokenJson.read(old, PendingChallenge.class).mode());
    assertEquals(
        NumberMatching.Mode.TYPE,
        SoftTokenJson.read(type.replace("type", "guess"), PendingChallenge.class).mode());
  }

  @Test
  void timestampsAreIsoUtcWholeSeconds() throws Exception {
    DeviceStatus status =
        new DeviceStatus(
            "T05005000000101",
            "Pixel",
            "ab12",
            Instant.parse("2028-03-01T08:00:00.123456Z"),
            SoftTokenProtocol.STATE_ACTIVE);
    String json = SoftTokenJson.write(status);
    assertTrue(json.contains("\"notAfter\":\"2028-03-01T08:00:00Z\""), json);
    assertEquals(
        Instant.parse("2028-03-01T08:00:00Z"),
        SoftTokenJson.read(json, DeviceStatus.class).notAfter());
    assertRefused(
        SoftTokenError.INVALID_REQUEST,
        () ->
            SoftTokenJson.read("{\"notAfter\":\"2028-03-01T08:00:00+07:00\"}", DeviceStatus.class));
    assertRefused(
        SoftTokenError.INVALID_REQUEST,
        () -> SoftTokenJson.read("{\"notAfter\":1830000000}", DeviceStatus.class));
  }

  @Test
  void strictness() throws Exception {
    assertRefused(
        SoftTokenError.INVALID_REQUEST,
        () ->
            SoftTokenJson.read(
                "{\"response\":\"a\",\"response\":\"b\"}", ChallengeResponseRequest.class));
    assertRefused(
        SoftTokenError.INVALID_REQUEST,
        () -> SoftTokenJson.read("{\"response\":\"a\"} {}", ChallengeResponseRequest.class));
    assertRefused(
        SoftTokenError.INVALID_REQUEST,
        () -> SoftTokenJson.read("{\"iat\":\"12\"}", DeviceAuthClaims.class));
    assertRefused(
        SoftTokenError.INVALID_REQUEST,
        () -> SoftTokenJson.read("{\"number\":47.0}", ChallengeResponseClaims.class));
    assertRefused(SoftTokenError.INVALID_REQUEST, () -> SoftTokenJson.read("", DeviceStatus.class));
    assertRefused(
        SoftTokenError.INVALID_REQUEST, () -> SoftTokenJson.read("null", DeviceStatus.class));
    assertRefused(
        SoftTokenError.INVALID_REQUEST, () -> SoftTokenJson.read("[]", DeviceStatus.class));
    // Unknown members are ignored, for later minor versions.
    assertEquals(
        "x",
        SoftTokenJson.read("{\"response\":\"x\",\"future\":1}", ChallengeResponseRequest.class)
            .response());
  }

  @Test
  void nullMembersAreOmitted() {
    String json = SoftTokenJson.write(new ChallengeResponseClaims("id", "n", "deny", null, 1L));
    assertFalse(json.contains("number"), json);
  }

  @Test
  void enrollmentRequestValidation() throws Exception {
    String code = ActivationCodes.generate(TestSupport.RANDOM);
    new EnrollmentRequest(code, "MII=", null).validate();
    new EnrollmentRequest(code, "MII=", "Somchai's phone").validate();
    assertEquals("Soft Token", new EnrollmentRequest(code, "x", null).deviceNameOrDefault());
    assertEquals("Pixel", new EnrollmentRequest(code, "x", " Pixel ").deviceNameOrDefault());
    assertRefused(
        SoftTokenError.INVALID_REQUEST, () -> new EnrollmentRequest(null, "x", null).validate());
    assertRefused(
        SoftTokenError.INVALID_ACTIVATION_CODE,
        () -> new EnrollmentRequest("abc", "x", null).validate());
    assertRefused(
        SoftTokenError.INVALID_REQUEST, () -> new EnrollmentRequest(code, null, null).validate());
    assertRefused(
        SoftTokenError.INVALID_REQUEST,
        () -> new EnrollmentRequest(code, "x", "a".repeat(65)).validate());
    assertRefused(
        SoftTokenError.INVALID_REQUEST, () -> new EnrollmentRequest(code, "x", " ").validate());
    assertRefused(
        SoftTokenError.INVALID_REQUEST,
        () -> new EnrollmentRequest(code, "x", "line\nbreak").validate());
  }

  @Test
  void enrollmentResponseRoundTrip() throws Exception {
    TestSupport.Ca ca = TestSupport.Ca.create();
    TestSupport.Device d = ca.issue("T05005000000101");
    EnrollmentResponse r =
        EnrollmentResponse.of(
            d.certificate(), List.of(ca.certificate()), "Pixel", "T05005000000101");
    EnrollmentResponse back = SoftTokenJson.read(SoftTokenJson.write(r), EnrollmentResponse.class);
    assertEquals(r, back);
    assertEquals(d.certificate(), back.parseCertificate());
    assertEquals(List.of(ca.certificate()), back.parseCaCertificates());
    assertEquals(d.kid(), back.serialNumber());
  }
}
