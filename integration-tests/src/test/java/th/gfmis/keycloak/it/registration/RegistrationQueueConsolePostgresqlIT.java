package th.gfmis.keycloak.it.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.gfmis.keycloak.it.support.GfmisRealmConfig;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.HeadlessChromium;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Holders;
import th.gfmis.keycloak.it.support.Pages;

/**
 * The approval queue in the real admin console (admin theme gfmis-admin) in headless Chromium: an
 * approver signs in to the gfmis realm's console, opens "GFMIS registrations", filters, opens a
 * request with a PDF and one with an image, rejects one with a reason and approves the other; two
 * approvers decide the same request; a realm administrator without the role sees no menu entry.
 * Registrations are seeded into PostgreSQL as {@link RegistrationsAdminPostgresqlIT} does; {@link
 * RegistrationDecisionConsolePostgresqlIT} has the holder's side as well.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
@EnabledIfSystemProperty(
    named = "kc.test.database.vendor",
    matches = "postgres",
    disabledReason = "seeds through PostgreSQL: runs in the postgresql execution")
class RegistrationQueueConsolePostgresqlIT {

  @InjectRealm(fromJson = GfmisRealmConfig.REALM_JSON, config = GfmisRealmConfig.class)
  ManagedRealm realm;

  @InjectAdminClient Keycloak adminClient;

  @InjectKeycloakUrls KeycloakUrls urls;

  @InjectWebDriver ManagedWebDriver webDriver;

  private Holders holders;
  private RegistrationSeeds seeds;
  private Pages pages;
  private ConsoleSteps console;

  @BeforeEach
  void setUp() {
    holders = new Holders(adminClient, realm, urls.getBase());
    seeds = new RegistrationSeeds(realm.getId());
    pages = new Pages(webDriver.driver());
    console = consoleIn(pages);
  }

  @Test
  void anApproverFiltersSeesTheOrdersRejectsOneAndApprovesAnother() throws Exception {
    Holder approver = approver("en");
    Holder withPdf = holders.createWithoutGrant("en");
    Holder withImage = holders.createWithoutGrant("en");
    byte[] pdf = RegistrationSteps.pdfBytes();
    seeds.request(RegistrationSeeds.Seed.of(holders, withPdf, "order.pdf", "application/pdf", pdf));
    seeds.request(RegistrationSeeds.Seed.of(holders, withImage, "order.png", "image/png", png()));

    console.signIn(approver.username(), approver.password());
    console.openQueue();
    assertTrue(
        console.text(By.cssSelector("[data-testid=gfmis-count-REQUEST]")).matches(".*: [1-9]\\d*"));
    console.awaitRows();

    console.filterByUserIdPrefix(withPdf.userId(), 1);
    pages.screenshot("registration-queue");
    console.click(By.linkText(withPdf.userId()));
    assertTrue(console.showsPdf(), "the PDF reaches the viewer");
    assertEquals("Somying Test", console.text(By.id("gfmis-proven-en")));
    pages.screenshot("registration-request");

    console.click(By.id("gfmis-reject"));
    assertTrue(
        !console.driver().findElement(By.id("gfmis-reject-confirm")).isEnabled(),
        "reason required");
    console
        .driver()
        .findElement(By.id("gfmis-reason"))
        .sendKeys("The order is not signed / คำสั่งไม่มีลายมือชื่อ");
    console.click(By.id("gfmis-reject-confirm"));
    console.await(By.cssSelector("[data-testid=gfmis-outcome]"));
    assertEquals("Reject", console.status());
    assertTrue(console.history().contains("คำสั่งไม่มีลายมือชื่อ"));

    console.driver().navigate().back();
    console.await(By.id("gfmis-user-prefix"));
    console
        .driver()
        .findElement(By.cssSelector("#gfmis-search input, input#gfmis-search"))
        .sendKeys(withImage.citizenIdDigits().substring(9));
    console.awaitRows();
    console.click(By.linkText(withImage.userId()));
    assertEquals(40, console.shownImageWidth());
    console.approve();
    assertEquals("Approved", console.status());
  }

  /**
   * Two approvers have the same request open in two browsers; the first decides, and the second's
   * decision is refused with a clear notice in the second's language (Thai, then English), the
   * request shown as it now stands, and the way back to a queue that no longer lists it. Each
   * browser goes from one request to the next by its address alone: the next request is shown
   * without the previous one's notice.
   */
  @Test
  void theSecondOfTwoApproversIsToldTheRequestWasAlreadyDecided() throws Exception {
    Holder english = approver("en");
    Holder thai = approver("th");
    Holder first = holders.createWithoutGrant("en");
    Holder second = holders.createWithoutGrant("en");
    byte[] pdf = RegistrationSteps.pdfBytes();
    String approvedFirst =
        seeds.request(
            RegistrationSeeds.Seed.of(holders, first, "order.pdf", "application/pdf", pdf));
    String rejectedFirst =
        seeds.request(
            RegistrationSeeds.Seed.of(holders, second, "order.pdf", "application/pdf", pdf));

    WebDriver other = HeadlessChromium.start("1280,1024");
    try {
      ConsoleSteps en = console;
      ConsoleSteps th = consoleIn(new Pages(other));
      en.signIn(english.username(), english.password());
      th.signIn(thai.username(), thai.password());
      en.await(By.id("nav-item-gfmis-registrations"));
      th.await(By.id("nav-item-gfmis-registrations"));

      // The English approver approves; the Thai approver, with the same page open, approves too.
      en.openRequest(approvedFirst);
      th.openRequest(approvedFirst);
      en.approve();
      assertEquals("Approved", en.status());
      th.click(By.id("gfmis-approve"));
      assertEquals(
          "คำขอนี้ได้รับการพิจารณาโดยผู้อนุมัติอื่นแล้ว (อนุมัติแล้ว) การพิจารณาของท่านไม่ถูกบันทึก",
          th.warning());
      assertEquals("อนุมัติแล้ว", th.statusOnceReloaded("อนุมัติแล้ว"));
      assertTrue(other.findElements(By.id("gfmis-approve")).isEmpty(), "no decision offered");
      backToQueueWithout(th, first);

      // The English approver goes straight on to the next request by its address: nothing of the
      // previous one (its "Approved" notice) stays.
      en.openRequest(rejectedFirst);
      assertTrue(
          en.driver().findElements(By.cssSelector("[data-testid=gfmis-outcome]")).isEmpty(),
          "no notice of the previous request");
      en.await(By.id("gfmis-approve"));
      th.openRequest(rejectedFirst);

      // The other way round: the Thai approver rejects first, the English one's rejection fails.
      th.reject("ไม่มีลายมือชื่อ");
      assertEquals("ไม่อนุมัติ", th.status());
      en.reject("Not signed");
      assertEquals(
          "This request was already decided by another approver (Reject); your decision was not"
              + " saved.",
          en.warning());
      assertEquals("Reject", en.statusOnceReloaded("Reject"));
      assertTrue(
          en.history().contains("ไม่มีลายมือชื่อ"),
          "the reason that stands is the first approver's");
      backToQueueWithout(en, second);
    } finally {
      other.quit();
    }
  }

  /**
   * Follows the notice's link back to the queue, which loads afresh: the request is no longer
   * waiting, so a search for its user ID among the waiting requests finds nothing.
   */
  private static void backToQueueWithout(ConsoleSteps console, Holder holder) {
    console.click(By.id("gfmis-back-to-queue"));
    console.await(By.cssSelector("[data-testid=gfmis-count-REQUEST]"));
    console.driver().findElement(By.id("gfmis-user-prefix")).sendKeys(holder.userId());
    new WebDriverWait(console.driver(), Duration.ofSeconds(30))
        .until(
            d ->
                d.findElements(By.cssSelector("[data-testid=gfmis-queue-row]")).isEmpty()
                    && !d.findElements(By.cssSelector("[data-testid=gfmis-queue-empty]"))
                        .isEmpty());
  }

  @Test
  void aRealmAdministratorWithoutTheRoleSeesNoMenuEntry() throws Exception {
    Holder admin = holders.createWithoutGrant("en");
    ConsoleSteps.grant(realm, holders.userId(admin), List.of(), List.of("realm-admin"));
    console.signIn(admin.username(), admin.password());
    console.await(By.id("nav-item-users"));
    assertTrue(console.driver().findElements(By.id("nav-item-gfmis-registrations")).isEmpty());
  }

  private ConsoleSteps consoleIn(Pages browser) {
    return new ConsoleSteps(browser, urls.getBase(), realm.getName());
  }

  /** A user with the approver role and the least role that opens the realm's console. */
  private Holder approver(String locale) throws Exception {
    Holder approver = holders.createWithoutGrant(locale);
    ConsoleSteps.grant(
        realm,
        holders.userId(approver),
        List.of(ConsoleSteps.APPROVER),
        List.of(ConsoleSteps.CONSOLE_ROLE));
    return approver;
  }

  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    image.getGraphics().setColor(Color.BLUE);
    image.getGraphics().fillRect(0, 0, 40, 20);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
