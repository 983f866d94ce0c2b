package th.gfmis.keycloak.it.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static th.gfmis.keycloak.it.registration.ApiCaller.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisRealmConfig;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.HeadlessChromium;
import th.gfmis.keycloak.it.support.Mailbox;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.it.support.RealmSettings;
import th.gfmis.keycloak.it.support.ThaidRealmConfig;
import th.gfmis.keycloak.it.support.pages.RegistrationIdentifyPage;
import th.gfmis.keycloak.it.support.pages.RegistrationStatusPage;

/**
 * The same user ID registered in two browsers at the same moment, on PostgreSQL (where a cluster
 * keeps its registrations): both reach the confirm page, both press "Confirm" together. The
 * database lets one through; the other is told that the user ID already has a registration waiting,
 * and nothing of it is kept: not its file, not its password.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class RegistrationRacePostgresqlIT {

  /** A realm per test: each test registers the same free user ID from the start. */
  @InjectRealm(
      fromJson = GfmisRealmConfig.REALM_JSON,
      config = GfmisRealmConfig.class,
      lifecycle = LifeCycle.METHOD)
  ManagedRealm realm;

  @InjectRealm(
      ref = "thaid",
      fromJson = ThaidRealmConfig.REALM_JSON,
      config = ThaidRealmConfig.class)
  ManagedRealm thaid;

  @InjectMailServer MailServer mailServer;

  @InjectKeycloakUrls KeycloakUrls urls;

  private static final String REFUSED = "already has a registration waiting";

  private final List<WebDriver> browsers = new ArrayList<>();
  private Mailbox mailbox;

  @BeforeEach
  void setUp() {
    mailbox = new Mailbox(mailServer);
    // Two OTPs for one user inside the resend interval (R-Q2): the point of this test.
    new RealmSettings(realm)
        .authenticatorConfig(
            "gfmis registration",
            "gfmis registration confirm",
            Map.of("resendIntervalMinutes", "0"));
  }

  @AfterEach
  void closeBrowsers() {
    browsers.forEach(WebDriver::quit);
    browsers.clear();
  }

  @Test
  void ofTwoRegistrationsOfOneUserIdAtOnceOneIsKeptAndTheOtherIsToldWhy() throws Exception {
    List<Registrant> both =
        List.of(new Registrant("a", "Manee#RaceA2026x"), new Registrant("b", "Manee#RaceB2026x"));
    for (Registrant registrant : both) {
      registrant.steps.open("en");
      registrant.identifyAndProve();
    }
    Registrant winner = confirmTogether(both);

    JsonNode kept = onlyRegistration();
    assertEquals("REQUEST", kept.get("status").asText());
    assertEquals(winner.file, kept.get("order").get("filename").asText(), kept.toString());
    assertEquals(winner.email, kept.get("email").asText(), "the loser's data is not mixed in");
  }

  @Test
  void aRejectedRequestFixedInTwoBrowsersAtOnceIsResubmittedOnce() throws Exception {
    Registrant first = new Registrant("first", "Manee#Race1st2026");
    first.steps.open("en");
    first.identifyAndProve();
    first.confirm();
    assertEquals("REQUEST", first.steps.status());
    JsonNode request = onlyRegistration();
    HttpResponse<String> rejected =
        approver()
            .post(
                "/" + request.get("id").asText() + "/reject",
                "{\"version\":" + request.get("version").asLong() + ",\"reason\":\"Unreadable\"}");
    assertEquals(200, rejected.statusCode(), rejected.body());

    List<Registrant> both =
        List.of(new Registrant("c", "Manee#RaceC2026x"), new Registrant("d", "Manee#RaceD2026x"));
    for (Registrant registrant : both) {
      registrant.pages.open(new GfmisClient(realm.getBaseUrl()).authorizationUrl("en"));
      registrant.pages.signIn(RegistrationJourneyIT.FREE_USER_ID, first.password);
      assertEquals("REJECT", registrant.steps.status());
      registrant.pages.click("gfmis-registration-fix");
      registrant.pages.awaitShown(RegistrationIdentifyPage.FORM);
      registrant.identifyAndProve();
    }
    Registrant winner = confirmTogether(both);

    JsonNode kept = onlyRegistration();
    assertEquals(request.get("id").asText(), kept.get("id").asText(), "the same registration");
    assertEquals("REQUEST", kept.get("status").asText());
    assertEquals(winner.file, kept.get("order").get("filename").asText(), kept.toString());
  }

  /**
   * Presses "Confirm" in every browser at the same moment; exactly one must reach the status page
   * with Request, the others the refusal. Returns the one that got through.
   */
  private Registrant confirmTogether(List<Registrant> registrants) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(registrants.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> outcomes = new ArrayList<>();
      for (Registrant registrant : registrants) {
        registrant.fillConfirm();
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  registrant.pages.click("gfmis-registration-submit");
                  return registrant.statusOrRefusal();
                }));
      }
      start.countDown();
      Registrant winner = null;
      for (int i = 0; i < registrants.size(); i++) {
        Registrant registrant = registrants.get(i);
        String status = outcomes.get(i).get();
        if ("REQUEST".equals(status)) {
          assertEquals(null, winner, "two registrations got through");
          winner = registrant;
        } else {
          assertEquals(REFUSED, status, registrant.pages.bodyText());
        }
      }
      assertTrue(winner != null, "none got through");
      return winner;
    } finally {
      pool.shutdownNow();
    }
  }

  private JsonNode onlyRegistration() throws Exception {
    ApiCaller approver = approver();
    JsonNode queue = json(approver.get("?userIdPrefix=" + RegistrationJourneyIT.FREE_USER_ID));
    assertEquals(1, queue.get("total").asLong(), queue.toString());
    return json(approver.get("/" + queue.get("items").get(0).get("id").asText()));
  }

  private ApiCaller approver() {
    return ApiCaller.create(
        realm,
        urls.getBase(),
        "it-race-approver-" + UUID.randomUUID(),
        List.of("gfmis-registration-approver"),
        List.of());
  }

  /** One browser registering มานี for the free demo user ID, with its own e-mail and file. */
  private final class Registrant {
    final Pages pages;
    final RegistrationSteps steps;
    final String email;
    final String file;
    final String password;

    Registrant(String name, String password) {
      WebDriver driver = HeadlessChromium.start("1280,1024");
      browsers.add(driver);
      this.pages = new Pages(driver);
      this.steps = new RegistrationSteps(pages, realm.getBaseUrl());
      this.email = "manee." + name + "@demo.gfmis.local";
      this.file = "order-" + name + ".png";
      this.password = password;
    }

    void identifyAndProve() {
      steps.identify(
          RegistrationJourneyIT.FREE_USER_ID,
          RegistrationJourneyIT.MANEE,
          RegistrationSteps.png(file),
          email);
      steps.proveIdentity(RegistrationJourneyIT.MANEE);
    }

    /** Types the OTP sent to this browser's address and the password, without pressing Confirm. */
    void fillConfirm() {
      steps.typeConfirm(otp(), password);
    }

    void confirm() {
      steps.confirm(otp(), password);
    }

    /** The status the page shows after "Confirm", or {@link #REFUSED} for the refusal. */
    String statusOrRefusal() {
      try {
        new WebDriverWait(pages.driver(), Duration.ofSeconds(30))
            .until(
                d ->
                    !d.findElements(By.id(RegistrationStatusPage.STATUS)).isEmpty()
                        || pages.message().contains(REFUSED));
      } catch (TimeoutException e) {
        throw new AssertionError("neither a status nor the refusal: " + pages.bodyText(), e);
      }
      return pages.isShown(RegistrationStatusPage.STATUS) ? steps.status() : REFUSED;
    }

    /** Each browser has its own address and is sent one OTP. */
    private String otp() {
      return mailbox.awaitMessageTo(email, 1).otp();
    }
  }
}
