package th.gfmis.keycloak.it.softtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import th.gfmis.keycloak.core.testing.Parallel;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Mailbox;
import th.gfmis.keycloak.it.support.RawBrowser;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.it.support.pages.SoftTokenApprovePage;
import th.gfmis.keycloak.softtoken.cli.SoftTokenClientException;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;
import th.gfmis.keycloak.softtoken.protocol.Decision;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;

/**
 * Someone who has the holder's password cannot keep the holder from signing in with the Soft Token:
 * the attacker's sign-ins (a raw HTTP client, another browser and another address) never replace,
 * throttle or lock the holder's.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class SoftTokenLockoutIT extends AbstractSoftTokenIT {

  private static final String ATTACKER_ADDRESS = "10.66.0.66";

  @InjectMailServer MailServer mailServer;

  private String authorizationUrl() {
    return new GfmisClient(realm.getBaseUrl()).authorizationUrl("en");
  }

  /** The holder signs in in the real browser and approves the own sign-in among all pending. */
  private void holderSignsIn(Holder holder, SoftTokenDevice device) throws Exception {
    GfmisClient gfmis = signInToGfmis(holder);
    int number = new SoftTokenSteps(pages()).shownNumber();
    PendingChallenge mine = null;
    for (int tries = 0; tries < 50 && mine == null; tries++) {
      mine =
          device.pending().stream()
              .filter(c -> c.browser() != null && c.browser().startsWith("Chrome"))
              .findFirst()
              .orElse(null);
      if (mine == null) {
        Thread.sleep(200);
      }
    }
    assertTrue(mine != null, "the holder's sign-in reaches the phone");
    device.approve(mine.id(), number);
    JsonNode tokens = gfmis.exchange(pages().awaitCallback());
    assertEquals(
        "gfmis-softtoken", GfmisClient.claims(tokens.get("id_token").asText()).get("acr").asText());
  }

  @Test
  void fiftyParallelSignInsFromOneAddressStartTenChallengesAndTheHolderStillSignsIn()
      throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice device = enrollNew(holder);
    List<RawBrowser> attackers = new ArrayList<>();
    List<String> actions = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      RawBrowser attacker = new RawBrowser(ATTACKER_ADDRESS);
      actions.add(attacker.openLogin(authorizationUrl()));
      attackers.add(attacker);
    }
    AtomicInteger next = new AtomicInteger();
    List<String> answers =
        Parallel.run(
            50,
            () -> {
              int i = next.getAndIncrement();
              return attackers
                  .get(i)
                  .post(
                      actions.get(i),
                      Map.of("username", holder.userId(), "password", holder.password()))
                  .body();
            });

    long started = answers.stream().filter(a -> a.contains(SoftTokenApprovePage.NUMBER)).count();
    assertTrue(started <= 10, started + " challenges were started");
    assertTrue(started >= 1, "the limit is not zero");
    assertTrue(device.pending().size() <= 10, "the phone got no more prompts than the limit");

    holderSignsIn(holder, device);
  }

  @Test
  void denialsWarnTheHolderAndLockOnlyTheAttackersAddress() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice device = enrollNew(holder);
    for (int i = 0; i < 5; i++) {
      String page =
          new RawBrowser(ATTACKER_ADDRESS)
              .signIn(authorizationUrl(), holder.userId(), holder.password());
      assertTrue(page.contains(SoftTokenApprovePage.NUMBER), page);
      PendingChallenge theirs = SoftTokenSteps.awaitChallenge(device);
      assertEquals(ATTACKER_ADDRESS, theirs.ipAddress());
      device.deny(theirs.id());
    }
    Mailbox mailbox = new Mailbox(mailServer);
    Mailbox.Mail warning = mailbox.awaitMessage(5);
    assertTrue(warning.subject().contains("someone with your password"), warning.subject());
    assertTrue(warning.text().contains(ATTACKER_ADDRESS), warning.text());
    assertTrue(warning.text().contains("Change your password"), warning.text());

    String locked =
        new RawBrowser(ATTACKER_ADDRESS)
            .signIn(authorizationUrl(), holder.userId(), holder.password());
    assertTrue(locked.contains("data-reason=\"locked\""), locked);

    holderSignsIn(holder, device);
  }

  @Test
  void refusedDeviceApiCallsAreLimitedPerAddressOnly() throws Exception {
    String url = realm.getBaseUrl() + "/gfmis-softtoken/enroll";
    String body = DeviceApiCalls.enrollBody("A".repeat(43), "AAAA");
    HttpClient http = HttpClient.newHttpClient();
    List<Integer> statuses =
        Parallel.run(
            50,
            () ->
                http.send(
                        HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/json")
                            .header("X-Forwarded-For", "10.66.0.99")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .statusCode());
    assertEquals(30, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
    assertEquals(20, statuses.stream().filter(s -> s == 429).count(), statuses.toString());

    DeviceApiCalls.Answer elsewhere =
        new DeviceApiCalls(realm.getBaseUrl()).post("enroll", body, null);
    assertEquals(400, elsewhere.status(), "another address is not limited: " + elsewhere.body());
  }

  @Test
  void refusedSignedCallsAreCountedAfterTheyRanAndThenHeldBack() throws Exception {
    String url = realm.getBaseUrl() + "/gfmis-softtoken/challenges/AAAAAAAAAAAAAAAAAAAAAA/response";
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest forged =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", "10.66.0.98")
            .POST(HttpRequest.BodyPublishers.ofString("{\"response\":\"a.b.c\"}"))
            .build();
    for (int i = 0; i < 30; i++) {
      HttpResponse<String> refused = http.send(forged, HttpResponse.BodyHandlers.ofString());
      assertEquals(404, refused.statusCode(), refused.body());
    }
    HttpResponse<String> held = http.send(forged, HttpResponse.BodyHandlers.ofString());
    assertEquals(429, held.statusCode(), held.body());
    assertTrue(held.body().contains("too_many_requests"), held.body());
    long retryAfter = Long.parseLong(held.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(
        retryAfter > 500 && retryAfter <= 600, "the rest of the 10-minute window: " + retryAfter);
  }

  /**
   * An answered challenge keeps its record until it expires; a second answer that arrives after the
   * expiry is refused and leaves the browser's approval as it was.
   */
  @Test
  void aLateSecondAnswerDoesNotUndoTheApproval() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice device = enrollNew(holder);
    SoftTokenSettings.set(realm, Map.of("challengeTtlSeconds", "3"));
    try {
      RawBrowser browser = new RawBrowser("10.66.0.97");
      String page =
          browser.signIn(
              new GfmisClient(realm.getBaseUrl()).authorizationUrl("en"),
              holder.userId(),
              holder.password());
      Matcher shown =
          Pattern.compile("id=\"" + SoftTokenApprovePage.NUMBER + "\"[^>]*>(\\d+)<").matcher(page);
      assertTrue(shown.find(), "the page shows the number");
      int number = Integer.parseInt(shown.group(1));
      PendingChallenge challenge = SoftTokenSteps.awaitChallenge(device);
      device.respond(challenge, Decision.APPROVE, number);

      Thread.sleep(4_000);
      SoftTokenClientException late =
          assertThrows(
              SoftTokenClientException.class,
              () -> device.respond(challenge, Decision.APPROVE, number));
      assertEquals("challenge_expired", late.error());

      HttpResponse<String> continued =
          browser.post(RawBrowser.formAction(page), Map.of("action", "check"));
      assertEquals(302, continued.statusCode(), continued.body());
      String location = continued.headers().firstValue("Location").orElseThrow();
      assertTrue(location.contains("code="), "signed in: " + location);
    } finally {
      SoftTokenSettings.set(realm, Map.of("challengeTtlSeconds", "120"));
    }
  }

  private SoftTokenDevice enrollNew(Holder holder) throws Exception {
    GfmisClient gfmis = signInToGfmis(holder);
    SoftTokenDevice device = new SoftTokenSteps(pages()).enroll("Holder phone");
    gfmis.exchange(pages().awaitCallback());
    return device;
  }

  @Test
  void aSignInFromAnotherBrowserDoesNotReplaceTheHoldersLiveChallenge() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice device = enrollNew(holder);
    GfmisClient gfmis = signInToGfmis(holder);
    SoftTokenSteps steps = new SoftTokenSteps(pages());
    int number = steps.shownNumber();
    SoftTokenSteps.awaitChallenge(device);

    String attackerPage =
        new RawBrowser(ATTACKER_ADDRESS)
            .signIn(
                new GfmisClient(realm.getBaseUrl()).authorizationUrl("en"),
                holder.userId(),
                holder.password());
    assertTrue(
        attackerPage.contains(SoftTokenApprovePage.NUMBER), "the attacker waits for a phone");

    List<PendingChallenge> pending = device.pending();
    assertEquals(2, pending.size(), "the phone lists both sign-ins: " + pending);
    PendingChallenge mine =
        pending.stream()
            .filter(c -> c.browser() != null && c.browser().startsWith("Chrome"))
            .findFirst()
            .orElseThrow();
    device.approve(mine.id(), number);
    JsonNode tokens = gfmis.exchange(pages().awaitCallback());
    assertEquals(
        "gfmis-softtoken", GfmisClient.claims(tokens.get("id_token").asText()).get("acr").asText());
  }
}
