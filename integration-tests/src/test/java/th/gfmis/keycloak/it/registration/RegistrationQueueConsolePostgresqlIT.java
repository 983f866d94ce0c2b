package th.gfmis.keycloak.it.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.gfmis.keycloak.it.support.GfmisRealmConfig;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Holders;
import th.gfmis.keycloak.it.support.Pages;

/**
 * The approval queue in the real admin console (admin theme gfmis-admin) in headless Chromium: an
 * approver signs in to the gfmis realm's console, opens "GFMIS registrations", filters, opens a
 * request with a PDF and one with an image, rejects one with a reason and approves the other; a
 * realm administrator without the role sees no menu entry. Registrations are seeded into PostgreSQL
 * as {@link RegistrationsAdminPostgresqlIT} does.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
@EnabledIfSystemProperty(
    named = "kc.test.database.vendor",
    matches = "postgres",
    disabledReason = "seeds through PostgreSQL: runs in the postgresql execution")
class RegistrationQueueConsolePostgresqlIT {

  /** The realm-management role that lets a user open the realm's admin console at all. */
  static final String CONSOLE_ROLE = "query-realms";

  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
          .getBytes(StandardCharsets.US_ASCII);

  @InjectRealm(fromJson = GfmisRealmConfig.REALM_JSON, config = GfmisRealmConfig.class)
  ManagedRealm realm;

  @InjectAdminClient Keycloak adminClient;

  @InjectKeycloakUrls KeycloakUrls urls;

  @InjectWebDriver ManagedWebDriver webDriver;

  private Holders holders;
  private RegistrationSeeds seeds;
  private Pages pages;

  @BeforeEach
  void setUp() {
    holders = new Holders(adminClient, realm, urls.getBase());
    seeds = new RegistrationSeeds(realm.getId());
    pages = new Pages(webDriver.driver());
  }

  @Test
  void anApproverFiltersSeesTheOrdersRejectsOneAndApprovesAnother() throws Exception {
    Holder approver = holders.createWithoutGrant("en");
    grant(approver, List.of("gfmis-registration-approver"), List.of(CONSOLE_ROLE));
    Holder withPdf = holders.createWithoutGrant("en");
    Holder withImage = holders.createWithoutGrant("en");
    seeds.request(seed(withPdf, "NEW_HOLDER", "order.pdf", "application/pdf", PDF));
    seeds.request(seed(withImage, "NEW_HOLDER", "order.png", "image/png", png()));

    signInToConsole(approver);
    WebDriver driver = pages.driver();
    click(driver, By.id("nav-item-gfmis-registrations"));
    await(driver, By.cssSelector("[data-testid=gfmis-counts]"));
    assertTrue(
        text(driver, By.cssSelector("[data-testid=gfmis-count-REQUEST]")).matches(".*: [1-9]\\d*"));
    awaitRows(driver);

    WebElement prefix = driver.findElement(By.id("gfmis-user-prefix"));
    prefix.sendKeys(withPdf.userId());
    awaitRowCount(driver, 1);
    pages.screenshot("registration-queue");
    click(driver, By.linkText(withPdf.userId()));
    await(driver, By.id("gfmis-order-pdf"));
    assertEquals("Somying Test", text(driver, By.id("gfmis-proven-en")));
    assertTrue(startsWith(driver, By.id("gfmis-order-pdf"), "%PDF"), "the PDF reaches the viewer");
    pages.screenshot("registration-request");

    click(driver, By.id("gfmis-reject"));
    assertTrue(!driver.findElement(By.id("gfmis-reject-confirm")).isEnabled(), "reason required");
    driver
        .findElement(By.id("gfmis-reason"))
        .sendKeys("The order is not signed / คำสั่งไม่มีลายมือชื่อ");
    click(driver, By.id("gfmis-reject-confirm"));
    await(driver, By.cssSelector("[data-testid=gfmis-outcome]"));
    assertEquals("Reject", text(driver, By.id("gfmis-detail-status")));
    assertTrue(
        text(driver, By.cssSelector("[data-testid=gfmis-history]"))
            .contains("คำสั่งไม่มีลายมือชื่อ"));

    driver.navigate().back();
    await(driver, By.id("gfmis-user-prefix"));
    WebElement search =
        driver.findElement(By.cssSelector("#gfmis-search input, input#gfmis-search"));
    search.sendKeys(withImage.citizenIdDigits().substring(9));
    awaitRows(driver);
    click(driver, By.linkText(withImage.userId()));
    await(driver, By.id("gfmis-order-image"));
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(
            d ->
                ((Number)
                            ((JavascriptExecutor) d)
                                .executeScript(
                                    "return document.getElementById('gfmis-order-image').naturalWidth;"))
                        .intValue()
                    == 40);
    click(driver, By.id("gfmis-approve"));
    await(driver, By.cssSelector("[data-testid=gfmis-outcome]"));
    assertEquals("Approved", text(driver, By.id("gfmis-detail-status")));
  }

  /**
   * Two approvers have the same request open in two browsers; the first decides, and the second's
   * decision is refused with a clear notice in the second's language (Thai, then English), the
   * request shown as it now stands, and the way back to a queue that no longer lists it.
   */
  @Test
  void theSecondOfTwoApproversIsToldTheRequestWasAlreadyDecided() throws Exception {
    Holder english = holders.createWithoutGrant("en");
    Holder thai = holders.createWithoutGrant("th");
    for (Holder approver : List.of(english, thai)) {
      grant(approver, List.of("gfmis-registration-approver"), List.of(CONSOLE_ROLE));
    }
    Holder first = holders.createWithoutGrant("en");
    Holder second = holders.createWithoutGrant("en");
    String approvedFirst =
        seeds.request(seed(first, "NEW_HOLDER", "order.pdf", "application/pdf", PDF));
    String rejectedFirst =
        seeds.request(seed(second, "NEW_HOLDER", "order.pdf", "application/pdf", PDF));

    WebDriver other = secondBrowser();
    try {
      Pages otherPages = new Pages(other);
      signInToConsole(pages, english);
      signInToConsole(otherPages, thai);
      WebDriver driver = pages.driver();
      await(driver, By.id("nav-item-gfmis-registrations"));
      await(other, By.id("nav-item-gfmis-registrations"));

      // The English approver approves; the Thai approver, with the same page open, approves too.
      openRequest(driver, approvedFirst);
      openRequest(other, approvedFirst);
      click(driver, By.id("gfmis-approve"));
      await(driver, By.cssSelector("[data-testid=gfmis-outcome]"));
      assertEquals("Approved", text(driver, By.id("gfmis-detail-status")));
      click(other, By.id("gfmis-approve"));
      assertEquals(
          "คำขอนี้ได้รับการพิจารณาโดยผู้อนุมัติอื่นแล้ว (อนุมัติแล้ว) การพิจารณาของท่านไม่ถูกบันทึก",
          outcome(other));
      assertEquals("อนุมัติแล้ว", text(other, By.id("gfmis-detail-status")));
      assertTrue(other.findElements(By.id("gfmis-approve")).isEmpty(), "no decision offered");
      backToQueueWithout(other, first);

      // The other way round: the Thai approver rejects first, the English one's rejection fails.
      openRequest(driver, rejectedFirst);
      openRequest(other, rejectedFirst);
      reject(other, "ไม่มีลายมือชื่อ");
      assertEquals("ไม่อนุมัติ", text(other, By.id("gfmis-detail-status")));
      reject(driver, "Not signed");
      assertEquals(
          "This request was already decided by another approver (Reject); your decision was not"
              + " saved.",
          outcome(driver));
      assertEquals("Reject", text(driver, By.id("gfmis-detail-status")));
      assertTrue(
          text(driver, By.cssSelector("[data-testid=gfmis-history]")).contains("ไม่มีลายมือชื่อ"),
          "the reason that stands is the first approver's");
      backToQueueWithout(driver, second);
    } finally {
      other.quit();
    }
  }

  private void openRequest(WebDriver driver, String id) {
    driver
        .navigate()
        .to(
            urls.getBase()
                + "/admin/"
                + realm.getName()
                + "/console/#/"
                + realm.getName()
                + "/gfmis-registrations/"
                + id);
    // Loaded afresh, as a second tab would be: a hash change alone keeps the page's state.
    driver.navigate().refresh();
    await(driver, By.cssSelector("[data-testid=gfmis-detail]"));
  }

  private static void reject(WebDriver driver, String reason) {
    click(driver, By.id("gfmis-reject"));
    driver.findElement(By.id("gfmis-reason")).sendKeys(reason);
    click(driver, By.id("gfmis-reject-confirm"));
    await(driver, By.cssSelector("[data-testid=gfmis-outcome]"));
  }

  private static String outcome(WebDriver driver) {
    WebElement alert = await(driver, By.cssSelector("[data-testid=gfmis-outcome]"));
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> alert.getAttribute("class").contains("warning"));
    return alert
        .findElement(By.cssSelector(".pf-v5-c-alert__title"))
        .getText()
        .strip()
        .replaceFirst("^(Warning alert|Warning|คำเตือน):\\s*", "");
  }

  /**
   * Follows the notice's link back to the queue, which loads afresh: the request is no longer
   * waiting, so a search for its user ID among the waiting requests finds nothing.
   */
  private static void backToQueueWithout(WebDriver driver, Holder holder) {
    click(driver, By.id("gfmis-back-to-queue"));
    await(driver, By.cssSelector("[data-testid=gfmis-count-REQUEST]"));
    driver.findElement(By.id("gfmis-user-prefix")).sendKeys(holder.userId());
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d ->
                d.findElements(By.cssSelector("[data-testid=gfmis-queue-row]")).isEmpty()
                    && !d.findElements(By.cssSelector("[data-testid=gfmis-queue-empty]"))
                        .isEmpty());
  }

  /** A second headless Chromium, beside the test framework's, for the second approver. */
  private static WebDriver secondBrowser() {
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("kc.test.browser.driver", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    ChromeOptions options =
        new ChromeOptions()
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1024");
    return new ChromeDriver(service, options);
  }

  @Test
  void aRealmAdministratorWithoutTheRoleSeesNoMenuEntry() throws Exception {
    Holder admin = holders.createWithoutGrant("en");
    grant(admin, List.of(), List.of("realm-admin"));
    signInToConsole(admin);
    WebDriver driver = pages.driver();
    await(driver, By.id("nav-item-users"));
    assertTrue(driver.findElements(By.id("nav-item-gfmis-registrations")).isEmpty());
  }

  private void signInToConsole(Holder user) {
    signInToConsole(pages, user);
  }

  private void signInToConsole(Pages browser, Holder user) {
    // Signed out of the realm first: the previous test's session cookie lives under /realms/.
    browser.openSignedOut(
        urls.getBase() + "/realms/" + realm.getName(),
        urls.getBase() + "/admin/" + realm.getName() + "/console/");
    // The console's script sends the browser on to the sign-in page.
    await(browser.driver(), By.id("username"));
    browser.signIn(user.username(), user.password());
  }

  private void grant(Holder user, List<String> realmRoles, List<String> adminRoles) {
    String id = holders.userId(user);
    List<RoleRepresentation> roles =
        realmRoles.stream().map(r -> realm.admin().roles().get(r).toRepresentation()).toList();
    if (!roles.isEmpty()) {
      realm.admin().users().get(id).roles().realmLevel().add(roles);
    }
    String management = realm.admin().clients().findByClientId("realm-management").get(0).getId();
    realm
        .admin()
        .users()
        .get(id)
        .roles()
        .clientLevel(management)
        .add(
            adminRoles.stream()
                .map(r -> realm.admin().clients().get(management).roles().get(r).toRepresentation())
                .toList());
  }

  private RegistrationSeeds.Seed seed(
      Holder holder, String kind, String filename, String type, byte[] content) {
    return new RegistrationSeeds.Seed(
        holders.userId(holder),
        holder.username(),
        kind,
        holder.citizenIdDigits(),
        "new-" + holder.email(),
        "สมหญิง ทดสอบ",
        "Somying Test",
        filename,
        type,
        content);
  }

  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
    image.getGraphics().setColor(Color.BLUE);
    image.getGraphics().fillRect(0, 0, 40, 20);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** Whether the blob the element shows starts with {@code prefix}, read in the page. */
  private static boolean startsWith(WebDriver driver, By element, String prefix) {
    Object head =
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0].src).then(r => r.text())"
                    + ".then(t => done(t.substring(0, 8))).catch(e => done(String(e)));",
                driver.findElement(element));
    return String.valueOf(head).startsWith(prefix);
  }

  private static WebElement await(WebDriver driver, By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private static void click(WebDriver driver, By by) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.elementToBeClickable(by))
        .click();
  }

  private static String text(WebDriver driver, By by) {
    return await(driver, by).getText();
  }

  private static void awaitRows(WebDriver driver) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> !d.findElements(By.cssSelector("[data-testid=gfmis-queue-row]")).isEmpty());
  }

  private static void awaitRowCount(WebDriver driver, int count) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d -> d.findElements(By.cssSelector("[data-testid=gfmis-queue-row]")).size() == count);
  }
}
