package th.gfmis.keycloak.it.softtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import th.gfmis.keycloak.it.softtoken.DeviceApiCalls.Answer;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.softtoken.cli.SoftTokenClientException;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;
import th.gfmis.keycloak.softtoken.protocol.ActivationCodes;
import th.gfmis.keycloak.softtoken.protocol.ActivationUri;
import th.gfmis.keycloak.softtoken.protocol.ChallengeResponses;
import th.gfmis.keycloak.softtoken.protocol.Decision;
import th.gfmis.keycloak.softtoken.protocol.DeviceCsr;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;

/** Every refused input of the device API: a clear error, nothing changed. */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class SoftTokenBadInputIT extends AbstractSoftTokenIT {

  /** Signs in with the password and returns the activation URI of the QR code (not used). */
  private ActivationUri activationFor(Holder holder) throws Exception {
    signInToGfmis(holder);
    return ActivationUri.parse(new SoftTokenSteps(pages()).readQrCode());
  }

  private SoftTokenDevice enrolled(Holder holder) throws Exception {
    return SoftTokenDevice.enroll(
        activationFor(holder), "Phone", SoftTokenDevice.Config.defaults());
  }

  private int toNumberPage(Holder holder) {
    signInToGfmis(holder);
    return new SoftTokenSteps(pages()).shownNumber();
  }

  /** Sends an enrollment whose CSR names {@code subject}'s key and is signed by {@code signer}. */
  private static Answer enroll(
      DeviceApiCalls api, String code, KeyPair subject, PrivateKey signer, String alg)
      throws Exception {
    return api.post(
        "enroll", DeviceApiCalls.enrollBody(code, DeviceApiCalls.csr(subject, signer, alg)), null);
  }

  @Test
  void enrollmentRefusesBadCsrsAndCodesAndABadCsrDoesNotBurnTheCode() throws Exception {
    Holder holder = newHolder();
    ActivationUri activation = activationFor(holder);
    DeviceApiCalls api = new DeviceApiCalls(realm.getBaseUrl());
    String code = activation.code();
    KeyPair device = DeviceApiCalls.ec("secp256r1");
    KeyPair other = DeviceApiCalls.ec("secp256r1");

    Answer mismatch = enroll(api, code, device, other.getPrivate(), "SHA256withECDSA");
    assertEquals(400, mismatch.status());
    assertEquals("invalid_csr", mismatch.error());

    KeyPair rsa = DeviceApiCalls.rsa();
    Answer rsaKey = enroll(api, code, rsa, rsa.getPrivate(), "SHA256withRSA");
    assertEquals("unsupported_key", rsaKey.error());
    KeyPair p384 = DeviceApiCalls.ec("secp384r1");
    Answer wrongSize = enroll(api, code, p384, p384.getPrivate(), "SHA256withECDSA");
    assertEquals(400, wrongSize.status());
    assertEquals("unsupported_key", wrongSize.error());
    Answer sha384 = enroll(api, code, device, device.getPrivate(), "SHA384withECDSA");
    assertEquals("unsupported_algorithm", sha384.error());

    assertEquals("invalid_request", api.post("enroll", "{\"activationCode\":", null).error());
    Answer huge = api.post("enroll", "{\"x\":\"" + "a".repeat(17 * 1024) + "\"}", null);
    assertEquals(413, huge.status());
    assertEquals("request_too_large", huge.error());
    Answer unknown =
        api.post(
            "enroll",
            DeviceApiCalls.enrollBody(
                ActivationCodes.generate(new java.security.SecureRandom()),
                DeviceCsr.createBase64(device)),
            null);
    assertEquals("invalid_activation_code", unknown.error());

    // The code survived every refusal: it still enrolls, once.
    SoftTokenDevice phone =
        SoftTokenDevice.enroll(activation, "Phone", SoftTokenDevice.Config.defaults());
    assertEquals(holder.userId(), phone.username());
    SoftTokenClientException reused =
        assertThrows(
            SoftTokenClientException.class,
            () -> SoftTokenDevice.enroll(activation, "Thief", SoftTokenDevice.Config.defaults()));
    assertEquals("invalid_activation_code", reused.error());
    assertEquals("active", phone.status().state(), "the reuse changed nothing");
  }

  /** A holder with a phone, on the number page of a sign-in whose challenge the phone sees. */
  private record LiveChallenge(
      Holder holder, SoftTokenDevice phone, PendingChallenge challenge, int number, String path) {

    /** What the device API says to {@code response} posted as this challenge's answer. */
    Answer answer(DeviceApiCalls api, String response) throws Exception {
      return api.post(path, "{\"response\":\"" + response + "\"}", null);
    }

    /** A response in JWS form with the header {@code alg} and this challenge's approval. */
    String unsignedApproval(String alg, String signature) {
      return DeviceApiCalls.jws(
          "{\"alg\":\""
              + alg
              + "\",\"typ\":\"gfmis-challenge-response+jwt\",\"kid\":\""
              + phone.serialNumber()
              + "\"}",
          "{\"challengeId\":\""
              + challenge.id()
              + "\",\"decision\":\"approve\",\"number\":"
              + number
              + "}",
          signature);
    }
  }

  private LiveChallenge liveChallenge() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice phone = enrolled(holder);
    int number = toNumberPage(holder);
    PendingChallenge challenge = SoftTokenSteps.awaitChallenge(phone);
    return new LiveChallenge(
        holder, phone, challenge, number, "challenges/" + challenge.id() + "/response");
  }

  /** Nothing refused consumed the challenge: the holder still approves it and is signed in. */
  private void holderStillApproves(LiveChallenge live) throws Exception {
    live.phone().approve(live.challenge().id(), live.number());
    new Pages(webDriver.driver()).awaitCallback();
  }

  @Test
  void anotherUsersPhoneNeitherSeesNorAnswersTheChallenge() throws Exception {
    Holder bob = newHolder();
    SoftTokenDevice bobPhone = enrolled(bob);
    LiveChallenge live = liveChallenge();
    assertTrue(bobPhone.pending().isEmpty(), "another user's challenges are never listed");
    SoftTokenClientException foreign =
        assertThrows(
            SoftTokenClientException.class,
            () -> bobPhone.respond(live.challenge(), Decision.APPROVE, live.number()));
    assertEquals("unknown_certificate", foreign.error());
    assertEquals(401, foreign.httpStatus());
    holderStillApproves(live);
  }

  @Test
  void aResponseThatIsNotAJwsIsRefused() throws Exception {
    LiveChallenge live = liveChallenge();
    DeviceApiCalls api = new DeviceApiCalls(realm.getBaseUrl());
    assertEquals("invalid_request", live.answer(api, "abc").error());
    holderStillApproves(live);
  }

  @Test
  void anUnsignedResponseIsRefused() throws Exception {
    LiveChallenge live = liveChallenge();
    Answer algNone =
        live.answer(new DeviceApiCalls(realm.getBaseUrl()), live.unsignedApproval("none", ""));
    assertEquals(400, algNone.status());
    assertEquals("unsupported_algorithm", algNone.error());
    holderStillApproves(live);
  }

  @Test
  void aResponseWithASharedSecretAlgorithmIsRefused() throws Exception {
    LiveChallenge live = liveChallenge();
    String hs256 = live.unsignedApproval("HS256", "c2lnbmF0dXJl");
    assertEquals(
        "unsupported_algorithm",
        live.answer(new DeviceApiCalls(realm.getBaseUrl()), hs256).error());
    holderStillApproves(live);
  }

  /** The right certificate serial, but signed by a key that is not the certificate's. */
  @Test
  void aResponseSignedByAnotherKeyIsRefused() throws Exception {
    LiveChallenge live = liveChallenge();
    KeyPair stranger = DeviceApiCalls.ec("secp256r1");
    String wrongKey =
        ChallengeResponses.sign(
            live.challenge(),
            Decision.APPROVE,
            live.number(),
            live.phone().serialNumber(),
            stranger.getPrivate(),
            Instant.now());
    Answer badSignature = live.answer(new DeviceApiCalls(realm.getBaseUrl()), wrongKey);
    assertEquals(401, badSignature.status());
    assertEquals("invalid_signature", badSignature.error());
    holderStillApproves(live);
  }

  @Test
  void aHugeResponseIsRefused() throws Exception {
    LiveChallenge live = liveChallenge();
    Answer huge = live.answer(new DeviceApiCalls(realm.getBaseUrl()), "a".repeat(17 * 1024));
    assertEquals("request_too_large", huge.error());
    holderStillApproves(live);
  }

  /** Signed over another challenge (same id, another nonce). */
  @Test
  void aResponseSignedOverAnotherNonceIsRefused() throws Exception {
    LiveChallenge live = liveChallenge();
    PendingChallenge forged =
        new PendingChallenge(
            live.challenge().id(),
            ActivationCodes.generate(new java.security.SecureRandom()),
            null,
            null,
            Instant.now(),
            Instant.now(),
            null,
            null,
            live.challenge().numberChoices());
    SoftTokenClientException other =
        assertThrows(
            SoftTokenClientException.class,
            () -> live.phone().respond(forged, Decision.APPROVE, live.number()));
    assertEquals("invalid_request", other.error());
    holderStillApproves(live);
  }

  @Test
  void aSecondAnswerIsAReplay() throws Exception {
    LiveChallenge live = liveChallenge();
    holderStillApproves(live);
    SoftTokenClientException replay =
        assertThrows(
            SoftTokenClientException.class,
            () -> live.phone().respond(live.challenge(), Decision.APPROVE, live.number()));
    assertEquals("replayed", replay.error());
    assertEquals(409, replay.httpStatus());
  }

  /**
   * A revoked certificate is refused everywhere, also when it answers a challenge that was live
   * before the revocation.
   */
  @Test
  void aRevokedCertificateIsRefusedAlsoForAChallengeLiveBeforeTheRevocation() throws Exception {
    LiveChallenge live = liveChallenge();
    SoftTokenDevice phone = live.phone();
    phone.revoke();
    SoftTokenClientException revokedAnswer =
        assertThrows(
            SoftTokenClientException.class,
            () -> phone.respond(live.challenge(), Decision.APPROVE, live.number()));
    assertEquals("certificate_revoked", revokedAnswer.error());
    SoftTokenClientException revoked = assertThrows(SoftTokenClientException.class, phone::pending);
    assertEquals("certificate_revoked", revoked.error());
    assertEquals(403, revoked.httpStatus());
  }

  @Test
  void deviceAuthorizationIsCheckedStrictly() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice phone = enrolled(holder);
    DeviceApiCalls api = new DeviceApiCalls(realm.getBaseUrl());

    Answer missing = api.get("challenges", null);
    assertEquals(401, missing.status());
    assertEquals("invalid_device_auth", missing.error());
    assertEquals("SoftToken", missing.wwwAuthenticate());

    String none =
        DeviceApiCalls.jws(
            "{\"alg\":\"none\",\"typ\":\"gfmis-device-auth+jwt\",\"kid\":\""
                + phone.serialNumber()
                + "\"}",
            "{\"htm\":\"GET\",\"htu\":\""
                + api.url("challenges")
                + "\",\"iat\":"
                + Instant.now().getEpochSecond()
                + ",\"jti\":\"q7Jx3tq0m4mD6yq7l2cU2wq7\"}",
            "");
    assertEquals("unsupported_algorithm", api.get("challenges", "SoftToken " + none).error());
    assertEquals("invalid_device_auth", api.get("challenges", "SoftToken not.a.jws!").error());

    String header = phone.authorizationHeader("GET", URI.create(api.url("challenges")));
    assertEquals(200, api.get("challenges", header).status());
    Answer replayed = api.get("challenges", header);
    assertEquals(409, replayed.status());
    assertEquals("replayed", replayed.error());

    String forDevice = phone.authorizationHeader("GET", URI.create(api.url("device")));
    Answer wrongUrl = api.get("challenges", forDevice);
    assertEquals(401, wrongUrl.status());
    assertEquals("invalid_device_auth", wrongUrl.error());

    String revokeHeader = phone.authorizationHeader("POST", URI.create(api.url("device/revoke")));
    Answer huge =
        api.post("device/revoke", "{\"x\":\"" + "a".repeat(17 * 1024) + "\"}", revokeHeader);
    assertEquals(413, huge.status());
    assertEquals("active", phone.status().state(), "nothing changed");
  }
}
