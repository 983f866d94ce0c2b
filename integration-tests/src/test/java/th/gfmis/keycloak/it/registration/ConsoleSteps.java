package th.gfmis.keycloak.it.registration;

import java.time.Duration;
import java.util.List;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.gfmis.keycloak.it.support.Pages;

/** The approval queue in the gfmis realm's admin console (theme gfmis-admin), step by step. */
final class ConsoleSteps {

  /** The realm-management role that lets a user open the realm's admin console at all. */
  static final String CONSOLE_ROLE = "query-realms";

  static final String APPROVER = "gfmis-registration-approver";

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final Pages pages;
  private final String serverUrl;
  private final String realm;

  ConsoleSteps(Pages pages, String serverUrl, String realm) {
    this.pages = pages;
    this.serverUrl = serverUrl;
    this.realm = realm;
  }

  WebDriver driver() {
    return pages.driver();
  }

  /** Gives the user these realm roles and realm-management roles. */
  static void grant(
      ManagedRealm realm, String userId, List<String> realmRoles, List<String> adminRoles) {
    List<RoleRepresentation> roles =
        realmRoles.stream().map(r -> realm.admin().roles().get(r).toRepresentation()).toList();
    if (!roles.isEmpty()) {
      realm.admin().users().get(userId).roles().realmLevel().add(roles);
    }
    String management = realm.admin().clients().findByClientId("realm-management").get(0).getId();
    realm
        .admin()
        .users()
        .get(userId)
        .roles()
        .clientLevel(management)
        .add(
            adminRoles.stream()
                .map(r -> realm.admin().clients().get(management).roles().get(r).toRepresentation())
                .toList());
  }

  /** Signs in to the realm's console, signed out of the realm first. */
  void signIn(String username, String password) {
    // An earlier session's cookie lives under /realms/.
    pages.openSignedOut(
        serverUrl + "/realms/" + realm, serverUrl + "/admin/" + realm + "/console/");
    // The console's script sends the browser on to the sign-in page.
    await(By.id("username"));
    pages.signIn(username, password);
  }

  /** Opens "GFMIS registrations" from the realm's menu. */
  void openQueue() {
    click(By.id("nav-item-gfmis-registrations"));
    await(By.cssSelector("[data-testid=gfmis-counts]"));
  }

  /** Types into the user ID prefix filter and waits for exactly {@code rows} rows. */
  void filterByUserIdPrefix(String prefix, int rows) {
    driver().findElement(By.id("gfmis-user-prefix")).sendKeys(prefix);
    awaitRowCount(rows);
  }

  /**
   * Opens a request by its address; from another request this changes only the id in the address,
   * as a link or the browser's history would.
   */
  void openRequest(String id) {
    driver()
        .navigate()
        .to(serverUrl + "/admin/" + realm + "/console/#/" + realm + "/gfmis-registrations/" + id);
    await(By.cssSelector("[data-testid=gfmis-detail][data-registration-id='" + id + "']"));
  }

  /** Waits for the request's PDF in the viewer and checks that its bytes are the PDF's. */
  boolean showsPdf() {
    await(By.id("gfmis-order-pdf"));
    return blobStartsWith(By.id("gfmis-order-pdf"), "%PDF");
  }

  /** Waits for the request's image to be decoded; returns its width in pixels. */
  int shownImageWidth() {
    await(By.id("gfmis-order-image"));
    return new WebDriverWait(driver(), WAIT)
        .until(
            d -> {
              int width =
                  ((Number)
                          ((JavascriptExecutor) d)
                              .executeScript(
                                  "return document.getElementById('gfmis-order-image')"
                                      + ".naturalWidth;"))
                      .intValue();
              return width > 0 ? width : null;
            });
  }

  void approve() {
    click(By.id("gfmis-approve"));
    await(By.cssSelector("[data-testid=gfmis-outcome]"));
  }

  void reject(String reason) {
    click(By.id("gfmis-reject"));
    driver().findElement(By.id("gfmis-reason")).sendKeys(reason);
    click(By.id("gfmis-reject-confirm"));
    await(By.cssSelector("[data-testid=gfmis-outcome]"));
  }

  /** The status the request page shows, in the console's language. */
  String status() {
    return text(By.id("gfmis-detail-status"));
  }

  /**
   * The status the request page shows once it is {@code expected}, or what it shows when the wait
   * is over. After a refused decision the page shows its warning first and then reloads the request
   * as it now stands, so the status changes a moment after the warning appears.
   */
  String statusOnceReloaded(String expected) {
    try {
      new WebDriverWait(driver(), WAIT).until(d -> expected.equals(status()));
    } catch (TimeoutException e) {
      // The assertion on the returned text says what the page showed instead.
    }
    return status();
  }

  String history() {
    return text(By.cssSelector("[data-testid=gfmis-history]"));
  }

  /** The text of the warning shown after a decision, without the screen reader's prefix. */
  String warning() {
    WebElement alert = await(By.cssSelector("[data-testid=gfmis-outcome]"));
    new WebDriverWait(driver(), WAIT).until(d -> alert.getAttribute("class").contains("warning"));
    return alert
        .findElement(By.cssSelector(".pf-v5-c-alert__title"))
        .getText()
        .strip()
        .replaceFirst("^(Warning alert|Warning|คำเตือน):\\s*", "");
  }

  /** Whether the blob the element shows starts with {@code prefix}, read in the page. */
  boolean blobStartsWith(By element, String prefix) {
    Object head =
        ((JavascriptExecutor) driver())
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0].src).then(r => r.text())"
                    + ".then(t => done(t.substring(0, 8))).catch(e => done(String(e)));",
                driver().findElement(element));
    return String.valueOf(head).startsWith(prefix);
  }

  WebElement await(By by) {
    return new WebDriverWait(driver(), WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void click(By by) {
    new WebDriverWait(driver(), WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  String text(By by) {
    return await(by).getText();
  }

  void awaitRows() {
    new WebDriverWait(driver(), WAIT)
        .until(d -> !d.findElements(By.cssSelector("[data-testid=gfmis-queue-row]")).isEmpty());
  }

  void awaitRowCount(int count) {
    new WebDriverWait(driver(), WAIT)
        .until(
            d -> d.findElements(By.cssSelector("[data-testid=gfmis-queue-row]")).size() == count);
  }
}
