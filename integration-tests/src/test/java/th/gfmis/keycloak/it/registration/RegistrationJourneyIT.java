package th.gfmis.keycloak.it.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static th.gfmis.keycloak.it.registration.ApiCaller.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisRealmConfig;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Mailbox;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.it.support.ThaidRealmConfig;

/**
 * The holder's whole registration in headless Chromium against the real server, with the login at
 * the ThaID stand-in and real SMTP: a new holder registers, is approved through the admin API,
 * signs in and meets Get Certificate; a holder with a new phone is approved at once.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class RegistrationJourneyIT {

  /** Demo user without a holder, and the stand-in person who takes it (มานี มีสุข). */
  static final String FREE_USER_ID = "T05005000000401";

  static final String MANEE = "1102000456780";

  /** Demo user T05005000000101, whose bound CID is Somchai's. */
  static final String SOMCHAI_USER_ID = "T05005000000101";

  @InjectRealm(fromJson = GfmisRealmConfig.REALM_JSON, config = GfmisRealmConfig.class)
  ManagedRealm realm;

  @InjectRealm(
      ref = "thaid",
      fromJson = ThaidRealmConfig.REALM_JSON,
      config = ThaidRealmConfig.class)
  ManagedRealm thaid;

  @InjectMailServer MailServer mailServer;

  @InjectWebDriver ManagedWebDriver webDriver;

  @InjectKeycloakUrls KeycloakUrls urls;

  Pages pages;
  Mailbox mailbox;
  RegistrationSteps steps;

  @BeforeEach
  void setUp() {
    pages = new Pages(webDriver.driver());
    mailbox = new Mailbox(mailServer);
    steps = new RegistrationSteps(pages, realm.getBaseUrl());
  }

  @Test
  void aNewHolderRegistersIsApprovedAndReachesGetCertificate() throws Exception {
    String password = "Manee#Pass2026x";
    String email = "manee.m@demo.gfmis.local";
    steps.open("th");
    pages.screenshot("registration-1-identify");
    steps.identify(
        FREE_USER_ID.toLowerCase(), MANEE, RegistrationSteps.png("คำสั่งแต่งตั้ง.png"), email);
    int mails = mailbox.count();
    pages.awaitShown("gfmis-proofing-start");
    pages.screenshot("registration-2-proofing");
    steps.proveIdentity(MANEE);
    pages.screenshot("registration-3-confirm");
    assertEquals(FREE_USER_ID, pages.text("gfmis-summary-user-id"));
    assertTrue(pages.text("gfmis-summary-cid").endsWith("6780"), pages.bodyText());
    assertFalse(pages.bodyText().contains(MANEE), "the full CID is never shown");
    Mailbox.Mail mail = mailbox.awaitMessage(mails + 1);
    assertTrue(mail.to().contains(email), mail.to());
    assertTrue(mail.subject().contains(pages.text("gfmis-reference")), mail.subject());
    assertTrue(mail.text().contains(FREE_USER_ID), mail.text());
    steps.confirm(mail.otp(), password);
    assertEquals("REQUEST", steps.status());
    pages.screenshot("registration-4-status-request");

    // Days later, from the login page: the password leads to the status, not to Get Certificate.
    pages.open(new GfmisClient(realm.getBaseUrl()).authorizationUrl("th"));
    pages.signIn(FREE_USER_ID, password);
    assertEquals("REQUEST", steps.status());
    assertFalse(pages.isShown(SoftTokenSteps.QR_ID));

    ApiCaller approver =
        ApiCaller.create(
            realm,
            urls.getBase(),
            "it-journey-approver",
            List.of("gfmis-registration-approver"),
            List.of());
    JsonNode queue = json(approver.get("?status=REQUEST&userIdPrefix=" + FREE_USER_ID));
    assertEquals(1, queue.get("total").asLong(), queue.toString());
    JsonNode item = queue.get("items").get(0);
    assertEquals("NEW_HOLDER", item.get("kind").asText());
    assertEquals("6780", item.get("cidLastFour").asText());
    assertEquals(email, item.get("email").asText());
    JsonNode detail = json(approver.get("/" + item.get("id").asText()));
    assertEquals("image/png", detail.get("order").get("contentType").asText(), detail.toString());
    assertFalse(detail.get("order").get("filename").asText().contains("/"), detail.toString());
    HttpResponse<String> approved =
        approver.post(
            "/" + item.get("id").asText() + "/approve",
            "{\"version\":" + item.get("version").asLong() + "}");
    assertEquals(200, approved.statusCode(), approved.body());

    GfmisClient client = new GfmisClient(realm.getBaseUrl());
    pages.open(client.authorizationUrl("th"));
    pages.signIn(FREE_USER_ID, password);
    pages.awaitShown(SoftTokenSteps.QR_ID);
  }

  @Test
  void aHolderWithANewPhoneIsApprovedAtOnce() {
    String email = "somchai.j@demo.gfmis.local";
    steps.open("en");
    steps.identify(
        SOMCHAI_USER_ID, ThaidRealmConfig.SOMCHAI, RegistrationSteps.png("order.png"), email);
    int mails = mailbox.count();
    steps.proveIdentity(ThaidRealmConfig.SOMCHAI);
    assertFalse(pages.isShown("password"), "a holder keeps their password");
    Mailbox.Mail mail = mailbox.awaitMessage(mails + 1);
    steps.confirm(mail.otp(), null);
    assertEquals("APPROVED", steps.status());
  }
}
