package th.gfmis.keycloak.it.softtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Holders;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.it.support.pages.GetCertificatePage;
import th.gfmis.keycloak.it.support.pages.SoftTokenApprovePage;
import th.gfmis.keycloak.it.support.pages.SoftTokenResultPage;
import th.gfmis.keycloak.softtoken.cli.SoftTokenClientException;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;
import th.gfmis.keycloak.softtoken.protocol.ActivationUri;
import th.gfmis.keycloak.softtoken.protocol.Decision;
import th.gfmis.keycloak.softtoken.protocol.DeviceStatus;
import th.gfmis.keycloak.softtoken.protocol.NumberMatching;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;

/**
 * The Soft Token end to end in a real browser against the real server, with the reference device as
 * the phone: Get Certificate from the QR image, approval by number, denial, wrong number, timeout,
 * lockout, a new phone revoking the old one, revocation from the app and from the account REST API,
 * and step-up by {@code acr_values}.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class SoftTokenJourneyIT extends AbstractSoftTokenIT {

  /** Signs in to GFMIS with the password and enrolls a new device on "Get Certificate". */
  private SoftTokenDevice enrollNew(Holder holder, String deviceName) throws Exception {
    GfmisClient gfmis = signInToGfmis(holder);
    SoftTokenDevice device = new SoftTokenSteps(pages()).enroll(deviceName);
    gfmis.exchange(pages().awaitCallback());
    return device;
  }

  /** Starts a GFMIS sign-in with the password and waits for the number page. */
  private GfmisClient signInToNumberPage(Holder holder) {
    GfmisClient gfmis = signInToGfmis(holder);
    pages().awaitShown(SoftTokenApprovePage.NUMBER);
    return gfmis;
  }

  @Test
  void getCertificateFromTheQrCodeThenSignInApprovedOnThePhone() throws Exception {
    Holder holder = new Holders(adminClient, realm, urls.getBase()).create("th");
    Pages pages = pages();
    SoftTokenSteps steps = new SoftTokenSteps(pages);
    GfmisClient gfmis = new GfmisClient(realm.getBaseUrl());

    openFresh(gfmis.authorizationUrl("th"));
    pages.signIn(holder.userId(), holder.password());
    String qr = steps.readQrCode();
    assertEquals(qr, steps.activationLink(), "the link carries the same payload as the QR code");
    ActivationUri activation = ActivationUri.parse(qr);
    assertEquals(realm.getName(), activation.realm());
    assertTrue(pages.bodyText().contains("สแกน QR Code"), "Thai page for a Thai request");

    SoftTokenDevice device = SoftTokenDevice.enroll(qr, "Somchai Pixel 8");
    GetCertificatePage certificate = new GetCertificatePage(pages);
    assertEquals("Somchai Pixel 8", certificate.awaitDeviceName());
    assertEquals(holder.userId(), device.username());
    certificate.continueOn();
    JsonNode tokens = gfmis.exchange(pages.awaitCallback());
    assertEquals(
        "gfmis-softtoken", GfmisClient.claims(tokens.get("id_token").asText()).get("acr").asText());

    DeviceStatus status = device.status();
    assertEquals("active", status.state());
    assertEquals("Somchai Pixel 8", status.deviceName());

    // The next sign-in: the number in the browser, the challenge on the phone.
    gfmis = signInToNumberPage(holder);
    int number = steps.shownNumber();
    PendingChallenge challenge = SoftTokenSteps.awaitChallenge(device);
    assertTrue(challenge.numberChoices().contains(number), challenge.toString());
    assertEquals(3, challenge.numberChoices().size());
    assertEquals("gfmis", challenge.clientId());
    assertEquals("New GFMIS Thai", challenge.clientName());
    assertTrue(challenge.browser().startsWith("Chrome on "), challenge.browser());
    assertFalse(challenge.ipAddress().isBlank());
    assertFalse(
        namesItsUserInTheClear(challenge.id(), userId(holder)),
        "whoever knows the user's id (sub) cannot tell the user's challenge ids");
    device.approve(challenge.id(), number);
    tokens = gfmis.exchange(pages.awaitCallback());
    JsonNode idToken = GfmisClient.claims(tokens.get("id_token").asText());
    assertEquals("gfmis-softtoken", idToken.get("acr").asText());
    assertEquals(holder.username(), idToken.get("preferred_username").asText());

    // The device is a credential the account API lists (name, serial in the data).
    List<CredentialRepresentation> credentials =
        realm.admin().users().get(userId(holder)).credentials();
    CredentialRepresentation stored =
        credentials.stream()
            .filter(c -> "gfmis-softtoken".equals(c.getType()))
            .findFirst()
            .orElseThrow();
    assertEquals("Somchai Pixel 8", stored.getUserLabel());
    assertTrue(stored.getCredentialData().contains(device.serialNumber()));
  }

  @Test
  void typeTheNumberModeRefusesAWrongNumberAndApprovesTheShownOne() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice device = enrollNew(holder, "Phone");
    Pages pages = pages();
    SoftTokenSteps steps = new SoftTokenSteps(pages);
    SoftTokenSettings.set(realm, Map.of("numberMatching", "type"));
    try {
      // The device learns the mode from the challenge, which lists no numbers to pick from.
      signInToNumberPage(holder);
      assertTrue(
          new SoftTokenApprovePage(pages).instruction().contains("Type this number in the app"),
          new SoftTokenApprovePage(pages).instruction());
      int shown = steps.shownNumber();
      PendingChallenge typed = SoftTokenSteps.awaitChallenge(device);
      assertEquals(NumberMatching.Mode.TYPE, typed.mode());
      assertEquals("type", typed.numberMatching());
      assertEquals(null, typed.numberChoices());
      int wrong = shown == 99 ? 10 : shown + 1;
      SoftTokenClientException e =
          assertThrows(SoftTokenClientException.class, () -> device.approve(typed.id(), wrong));
      assertEquals("wrong_number", e.error());
      assertEquals("wrong_number", steps.awaitResult());

      new SoftTokenResultPage(pages).retry();
      int number = steps.shownNumber();
      PendingChallenge again = SoftTokenSteps.awaitChallenge(device);
      assertEquals(NumberMatching.Mode.TYPE, again.mode());
      assertEquals("approved", device.approve(again.id(), number).status());
      pages.awaitCallback();
    } finally {
      SoftTokenSettings.set(realm, Map.of("numberMatching", "pick"));
    }

    // Back to picking: the next challenge lists three numbers again.
    signInToNumberPage(holder);
    PendingChallenge picked = SoftTokenSteps.awaitChallenge(device);
    assertEquals(NumberMatching.Mode.PICK, picked.mode());
    assertEquals(3, picked.numberChoices().size());
    assertTrue(picked.numberChoices().contains(steps.shownNumber()));
    device.deny(picked.id());
  }

  @Test
  void denialWrongNumberAndTimeoutEachEndOnAPageWithTryAgain() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice device = enrollNew(holder, "Phone");
    Pages pages = pages();
    SoftTokenSteps steps = new SoftTokenSteps(pages);

    GfmisClient gfmis = signInToNumberPage(holder);
    PendingChallenge challenge = SoftTokenSteps.awaitChallenge(device);
    assertEquals("denied", device.deny(challenge.id()).status());
    assertEquals("denied", steps.awaitResult());
    assertTrue(new SoftTokenResultPage(pages).offersRetry());

    // Try again: a new challenge, a wrong number this time.
    new SoftTokenResultPage(pages).retry();
    int number = steps.shownNumber();
    challenge = SoftTokenSteps.awaitChallenge(device);
    int wrong =
        challenge.numberChoices().stream().filter(n -> n != number).findFirst().orElseThrow();
    PendingChallenge wrongOne = challenge;
    SoftTokenClientException e =
        assertThrows(SoftTokenClientException.class, () -> device.approve(wrongOne.id(), wrong));
    assertEquals("wrong_number", e.error());
    assertEquals(403, e.httpStatus());
    assertEquals("wrong_number", steps.awaitResult());

    // Timeout: a short challenge lifetime; the page moves on by itself.
    SoftTokenSettings.set(realm, Map.of("challengeTtlSeconds", "4"));
    try {
      new SoftTokenResultPage(pages).retry();
      steps.shownNumber();
      PendingChallenge late = SoftTokenSteps.awaitChallenge(device);
      assertEquals("expired", steps.awaitResult());
      SoftTokenClientException tooLate =
          assertThrows(
              SoftTokenClientException.class,
              () -> device.respond(late, Decision.APPROVE, late.numberChoices().get(0)));
      assertEquals("challenge_expired", tooLate.error());
      assertEquals(410, tooLate.httpStatus());
    } finally {
      SoftTokenSettings.set(realm, Map.of("challengeTtlSeconds", "120"));
    }

    // And try again works.
    new SoftTokenResultPage(pages).retry();
    steps.approve(device);
    gfmis.exchange(pages.awaitCallback());
  }

  @Test
  void tooManyDenialsLockTheSoftTokenStep() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice device = enrollNew(holder, "Phone");
    SoftTokenSettings.set(realm, Map.of("maxFailures", "3"));
    try {
      Pages pages = pages();
      SoftTokenSteps steps = new SoftTokenSteps(pages);
      signInToNumberPage(holder);
      for (int i = 0; i < 3; i++) {
        steps.shownNumber();
        device.deny(SoftTokenSteps.awaitChallenge(device).id());
        assertEquals("denied", steps.awaitResult());
        new SoftTokenResultPage(pages).retry();
      }
      assertEquals("locked", steps.awaitResult());
      assertTrue(device.pending().isEmpty(), "no challenge reaches the phone while locked");
      // A fresh sign-in with the right password is locked too.
      GfmisClient gfmis = new GfmisClient(realm.getBaseUrl());
      openFresh(gfmis.authorizationUrl("en"));
      pages.signIn(holder.userId(), holder.password());
      assertEquals("locked", steps.awaitResult());
    } finally {
      SoftTokenSettings.set(realm, Map.of("maxFailures", "5"));
    }
  }

  @Test
  void aNewCaKeyIssuesNewDevicesWhileDevicesOfTheOldOneKeepWorking() throws Exception {
    Holder before = newHolder();
    SoftTokenDevice underOldCa = enrollNew(before, "Before rotation");

    // The operator adds a second Soft Token CA key with a higher priority (Realm settings > Keys).
    ComponentRepresentation rotated = new ComponentRepresentation();
    rotated.setName("gfmis-softtoken-ca-rotated");
    rotated.setProviderId("gfmis-softtoken-ca");
    rotated.setProviderType("org.keycloak.keys.KeyProvider");
    rotated.setParentId(realm.getId());
    MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
    config.putSingle("priority", "100000");
    rotated.setConfig(config);
    realm.admin().components().add(rotated).close();

    Holder after = newHolder();
    SoftTokenDevice underNewCa = enrollNew(after, "After rotation");
    List<X509Certificate> oldChain = underOldCa.certificateChain();
    List<X509Certificate> newChain = underNewCa.certificateChain();
    assertNotEquals(
        oldChain.get(oldChain.size() - 1).getPublicKey(),
        newChain.get(newChain.size() - 1).getPublicKey(),
        "new devices are issued by the new CA key");

    GfmisClient gfmis = signInToNumberPage(before);
    new SoftTokenSteps(pages()).approve(underOldCa);
    JsonNode idToken =
        GfmisClient.claims(gfmis.exchange(pages().awaitCallback()).get("id_token").asText());
    assertEquals(
        "gfmis-softtoken", idToken.get("acr").asText(), "the old CA's device still signs in");
  }

  @Test
  void aNewPhoneRevokesTheOldOne() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice oldPhone = enrollNew(holder, "Old phone");
    Pages pages = pages();
    SoftTokenSteps steps = new SoftTokenSteps(pages);

    // The holder starts "Get Certificate" again (kc_action), approving with the old phone first.
    GfmisClient gfmis = new GfmisClient(realm.getBaseUrl());
    openFresh(gfmis.authorizationUrl("en") + "&kc_action=gfmis-softtoken-enroll");
    pages.signIn(holder.userId(), holder.password());
    steps.approve(oldPhone);
    SoftTokenDevice newPhone = steps.enroll("New phone");
    gfmis.exchange(pages.awaitCallback());
    assertNotEquals(oldPhone.serialNumber(), newPhone.serialNumber());

    SoftTokenClientException e = assertThrows(SoftTokenClientException.class, oldPhone::status);
    assertEquals("certificate_revoked", e.error());
    assertEquals(403, e.httpStatus());
    assertEquals("active", newPhone.status().state());
    long devices =
        realm.admin().users().get(userId(holder)).credentials().stream()
            .filter(c -> "gfmis-softtoken".equals(c.getType()))
            .count();
    assertEquals(1, devices, "one device per user");

    gfmis = signInToNumberPage(holder);
    assertTrue(oldPhone_cannotSeeChallenges(oldPhone));
    steps.approve(newPhone);
    gfmis.exchange(pages.awaitCallback());
  }

  private static boolean oldPhone_cannotSeeChallenges(SoftTokenDevice oldPhone) {
    try {
      oldPhone.pending();
      return false;
    } catch (SoftTokenClientException e) {
      return "certificate_revoked".equals(e.error());
    }
  }

  /**
   * Revoked from the app: the password alone no longer gets a new device (see DeviceBindingIT); an
   * administrator's enrollment grant lets the holder get a certificate again.
   */
  @Test
  void revokedFromTheAppTheHolderMustGetACertificateAgain() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice device = enrollNew(holder, "Phone");
    assertEquals("revoked", device.revoke().state());
    SoftTokenClientException e = assertThrows(SoftTokenClientException.class, device::status);
    assertEquals("certificate_revoked", e.error());
    Holders holders = new Holders(adminClient, realm, urls.getBase());
    assertEquals(201, holders.enrollmentGrant("POST", holders.userId(holder)).statusCode());

    Pages pages = pages();
    GfmisClient gfmis = new GfmisClient(realm.getBaseUrl());
    openFresh(gfmis.authorizationUrl("en"));
    pages.signIn(holder.userId(), holder.password());
    SoftTokenDevice again = new SoftTokenSteps(pages).enroll("Phone again");
    gfmis.exchange(pages.awaitCallback());
    assertEquals("active", again.status().state());
  }

  /**
   * The account console: it lists the device through the account REST API and removes it with the
   * application-initiated action {@code delete_credential:<id>} (what its "Remove" button starts;
   * the REST DELETE is deprecated and refused by Keycloak 26.7).
   */
  @Test
  void revokedFromTheAccountConsole() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice device = enrollNew(holder, "Phone");
    GfmisClient gfmis = signInToNumberPage(holder);
    new SoftTokenSteps(pages()).approve(device);
    String accessToken = gfmis.exchange(pages().awaitCallback()).get("access_token").asText();

    HttpResponse<String> list =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/account/credentials"))
                    .header("Authorization", "Bearer " + accessToken)
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, list.statusCode(), list.body());
    JsonNode softToken = null;
    for (JsonNode type : JsonSerialization.readValue(list.body(), JsonNode.class)) {
      if ("gfmis-softtoken".equals(type.get("type").asText())) {
        softToken = type;
      }
    }
    assertTrue(softToken != null, list.body());
    assertEquals("two-factor", softToken.get("category").asText());
    assertTrue(softToken.get("removeable").asBoolean(), list.body());
    JsonNode credential = softToken.get("userCredentialMetadatas").get(0).get("credential");
    assertEquals("Phone", credential.get("userLabel").asText());

    // "Remove": kc_action=delete_credential:<id>, which needs the Soft Token level itself.
    Pages pages = pages();
    openFresh(
        new GfmisClient(realm.getBaseUrl()).authorizationUrl("en")
            + "&kc_action=delete_credential:"
            + credential.get("id").asText());
    pages.signIn(holder.userId(), holder.password());
    new SoftTokenSteps(pages).approve(device);
    pages.awaitShown("kc-accept");
    pages.click("kc-accept");
    // The removal ends this browser's session too (it was approved with the device): Keycloak's
    // "account updated" page, not a return to the client.
    pages.awaitShown("kc-info-message");
    assertFalse(GfmisClient.isCallback(pages.currentUrl()), pages.currentUrl());
    SoftTokenClientException e = assertThrows(SoftTokenClientException.class, device::pending);
    assertEquals("certificate_revoked", e.error());
  }

  @Test
  void stepUpWithAcrValues() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice device = enrollNew(holder, "Phone");
    Pages pages = pages();

    GfmisClient demo = GfmisClient.demoApp(realm.getBaseUrl());
    openFresh(demo.authorizationUrl("en"));
    pages.signIn(holder.userId(), holder.password());
    String callback = awaitCallback(pages, demo);
    JsonNode idToken = GfmisClient.claims(demo.exchange(callback).get("id_token").asText());
    assertEquals("gfmis-password", idToken.get("acr").asText(), "password only by default");

    // Same browser session: the application asks for the Soft Token level.
    GfmisClient stepUp = GfmisClient.demoApp(realm.getBaseUrl());
    webDriver.driver().navigate().to(stepUp.authorizationUrl("en", "gfmis-softtoken"));
    new SoftTokenSteps(pages).approve(device);
    idToken =
        GfmisClient.claims(stepUp.exchange(awaitCallback(pages, stepUp)).get("id_token").asText());
    assertEquals("gfmis-softtoken", idToken.get("acr").asText());
  }

  private static String awaitCallback(Pages pages, GfmisClient client) {
    new WebDriverWait(pages.driver(), Duration.ofSeconds(30))
        .until(d -> client.isOwnCallback(d.getCurrentUrl()));
    return pages.currentUrl();
  }

  /** Whether the id begins with the unkeyed SHA-256 digest of the user's id. */
  private static boolean namesItsUserInTheClear(String challengeId, String userId)
      throws Exception {
    byte[] id = Base64.getUrlDecoder().decode(challengeId);
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
    return Arrays.equals(id, 0, 8, digest, 0, 8);
  }

  private String userId(Holder holder) {
    return realm.admin().users().search(holder.username(), true).get(0).getId();
  }
}
