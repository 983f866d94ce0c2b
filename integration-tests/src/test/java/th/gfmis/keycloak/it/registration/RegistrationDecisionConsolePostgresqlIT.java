package th.gfmis.keycloak.it.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.HeadlessChromium;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Holders;
import th.gfmis.keycloak.it.support.Mailbox;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.it.support.RealmSettings;
import th.gfmis.keycloak.it.support.pages.GetCertificatePage;
import th.gfmis.keycloak.it.support.pages.RegistrationIdentifyPage;

/**
 * The whole decision in two headless Chromium browsers, on PostgreSQL: a new holder registers
 * through the registration pages with a PDF order; an approver signs in to the admin console,
 * filters the queue, opens the request, sees the PDF and rejects it with a reason; the holder reads
 * the reason (e-mail and status page), fixes the request with a scanned image and resubmits; the
 * approver sees the image and approves in the console; the holder signs in and reaches Get
 * Certificate.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
@EnabledIfSystemProperty(
    named = "kc.test.database.vendor",
    matches = "postgres",
    disabledReason = "the admin console's tests run in the postgresql execution")
class RegistrationDecisionConsolePostgresqlIT extends AbstractRegistrationIT {

  private static final String REASON = "The order is not signed / คำสั่งไม่มีลายมือชื่อ";

  @InjectAdminClient Keycloak adminClient;

  @InjectKeycloakUrls KeycloakUrls urls;

  private Holders holders;
  private ConsoleSteps console;

  @BeforeEach
  void setUp() {
    holders = new Holders(adminClient, realm, urls.getBase());
    console = new ConsoleSteps(pages, urls.getBase(), realm.getName());
  }

  @Test
  void anApproverRejectsInTheConsoleTheHolderFixesTheRequestAndIsApproved() throws Exception {
    // The holder fixes the request at once, inside the OTP resend interval (5 minutes per user).
    new RealmSettings(realm)
        .authenticatorConfig(
            "gfmis registration",
            "gfmis registration confirm",
            Map.of("resendIntervalMinutes", "0"));
    Holder approver = holders.createWithoutGrant("en");
    ConsoleSteps.grant(
        realm,
        holders.userId(approver),
        List.of(ConsoleSteps.APPROVER),
        List.of(ConsoleSteps.CONSOLE_ROLE));
    // Another request waits in the queue, which the approver's filter leaves out.
    Holder other = holders.createWithoutGrant("en");
    new RegistrationSeeds(realm.getId())
        .request(
            RegistrationSeeds.Seed.of(
                holders, other, "order.png", "image/png", RegistrationSteps.pngBytes()));

    WebDriver holderBrowser = HeadlessChromium.start("1280,1024");
    try {
      Pages holderPages = new Pages(holderBrowser);
      RegistrationSteps steps = new RegistrationSteps(holderPages, realm.getBaseUrl());
      String email = "manee.m@demo.gfmis.local";
      String userId = RegistrationJourneyIT.FREE_USER_ID;
      String manee = RegistrationJourneyIT.MANEE;

      // The holder registers with the order as a PDF.
      steps.open("en");
      steps.identify(userId, manee, RegistrationSteps.pdf("order.pdf"), email);
      int mails = mailbox.count();
      steps.proveIdentity(manee);
      steps.confirm(mailbox.awaitMessage(mails + 1).otp(), "Manee#Queue2026xyz");
      assertEquals("REQUEST", steps.status());

      // The approver finds it in the console, sees the PDF and rejects it with a reason.
      console.signIn(approver.username(), approver.password());
      console.openQueue();
      console.awaitRowCount(2);
      console.filterByUserIdPrefix(userId, 1);
      console.click(By.linkText(userId));
      assertTrue(console.showsPdf(), "the PDF reaches the viewer");
      assertTrue(console.text(By.id("gfmis-proven-th")).contains("มานี"), "the name ThaID proved");
      mails = mailbox.count();
      console.reject(REASON);
      assertEquals("Reject", console.status());

      // The holder is told, reads the reason on the status page and fixes the request.
      Mailbox.Mail rejected = mailbox.awaitMessage(mails + 1);
      assertTrue(rejected.to().contains(email), rejected.to());
      assertTrue(rejected.text().contains(REASON), rejected.text());
      steps.forgetTheStandInsSession();
      holderPages.open(new GfmisClient(realm.getBaseUrl()).authorizationUrl("en"));
      holderPages.signIn(userId, "Manee#Queue2026xyz");
      assertEquals("REJECT", steps.status());
      assertTrue(
          holderPages.text("gfmis-registration-reason").contains(REASON), holderPages.bodyText());
      holderPages.click("gfmis-registration-fix");
      holderPages.awaitShown(RegistrationIdentifyPage.FORM);
      steps.identify(userId, manee, RegistrationSteps.png("scan.png"), email);
      mails = mailbox.count();
      steps.proveIdentity(manee);
      // A new holder chooses the password on every submission; the realm forbids the last five.
      String password = "Manee#Fixed2026xyz";
      steps.confirm(mailbox.awaitMessage(mails + 1).otp(), password);
      assertEquals("REQUEST", steps.status());

      // The approver sees the fixed request, now with the image, and approves it.
      console.openQueue();
      console.filterByUserIdPrefix(userId, 1);
      console.click(By.linkText(userId));
      assertEquals(40, console.shownImageWidth(), "the scan as an image");
      assertTrue(console.history().contains(REASON), "the rejection stays in the history");
      console.approve();
      assertEquals("Approved", console.status());

      // The holder signs in and meets Get Certificate.
      holderPages.open(new GfmisClient(realm.getBaseUrl()).authorizationUrl("en"));
      holderPages.signIn(userId, password);
      holderPages.awaitShown(GetCertificatePage.QR);
    } finally {
      holderBrowser.quit();
    }
  }
}
