package th.gfmis.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.gfmis.keycloak.it.support.pages.ChangePasswordPage;
import th.gfmis.keycloak.it.support.pages.GetCertificatePage;
import th.gfmis.keycloak.it.support.pages.ResetIdentifyPage;
import th.gfmis.keycloak.it.support.pages.ResetOtpPage;

/**
 * What a person sees and does on the sign-in pages, by element ids of the templates (the GFMIS
 * pages' own ids live in their page objects, {@code support/pages}). Every page a test reads or
 * acts on through these methods, or reaches by them, passes the WCAG 2.1 A/AA rules of {@link
 * AccessibilityCheck} first.
 */
public final class Pages {

  private final WebDriver driver;

  public Pages(WebDriver driver) {
    this.driver = driver;
  }

  /** The browser, for what these methods do not cover; the page it shows is checked first. */
  public WebDriver driver() {
    checked();
    return driver;
  }

  public void open(String url) {
    driver.manage().deleteAllCookies();
    driver.navigate().to(url);
    checked();
  }

  /**
   * Opens the URL in a browser without the server's cookies: they are removed from a server page
   * first, since the browser may stand on another host (a client's redirect URI).
   */
  public void openSignedOut(String realmUrl, String url) {
    String neutral = realmUrl + "/.well-known/openid-configuration";
    try {
      driver.navigate().to(neutral);
    } catch (WebDriverException e) {
      // Leaving the browser's error page of an unreachable redirect URI can fail once.
      driver.navigate().to(neutral);
    }
    open(url);
  }

  /** Runs the accessibility check on the page the browser shows, unless it has passed it. */
  private void checked() {
    AccessibilityCheck.ensureChecked(driver);
  }

  public void signIn(String username, String password) {
    type("username", username);
    type("password", password);
    submitWith(driver.findElement(By.id("kc-login")));
  }

  public void clickForgotPassword() {
    submitWith(driver.findElement(By.cssSelector("a[href*='login-actions/reset-credentials']")));
  }

  public void submitIdentity(String userId, String citizenId, String email) {
    new ResetIdentifyPage(this).submit(userId, citizenId, email);
  }

  public void submitOtp(String code) {
    new ResetOtpPage(this).submit(code);
  }

  /** Clicks a button or link that loads the next page, and waits until it has replaced this one. */
  public void click(String id) {
    submitWith(driver.findElement(By.id(id)));
  }

  private void submitWith(WebElement control) {
    checked();
    WebElement current = driver.findElement(By.tagName("html"));
    control.click();
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> replaced(current));
    checked();
  }

  /**
   * Whether {@code element}'s page has been replaced. While the next page loads, ChromeDriver can
   * answer for an element of the old page with "Node with given id does not belong to the document"
   * (an unknown error) instead of "stale element reference": both mean the page is gone.
   */
  private static boolean replaced(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  public void changePassword(String password, String confirmation) {
    new ChangePasswordPage(this).change(password, confirmation);
  }

  public boolean isShown(String id) {
    checked();
    return !driver.findElements(By.id(id)).isEmpty();
  }

  public String text(String id) {
    checked();
    return driver.findElement(By.id(id)).getText();
  }

  public String attribute(String id, String name) {
    checked();
    return driver.findElement(By.id(id)).getAttribute(name);
  }

  public String value(String id) {
    checked();
    return driver.findElement(By.id(id)).getAttribute("value");
  }

  /** The error shown under a form field, or "" when there is none. */
  public String fieldError(String field) {
    checked();
    List<WebElement> errors = driver.findElements(By.id("input-error-" + field));
    return errors.isEmpty() ? "" : errors.get(0).getText().strip();
  }

  /** The message box at the top of the page (error, warning, success or info), or "". */
  public String message() {
    checked();
    List<WebElement> alerts =
        driver.findElements(By.cssSelector(".pf-v5-c-alert__title, .kc-feedback-text"));
    return alerts.isEmpty() ? "" : alerts.get(0).getText().strip();
  }

  /** Waits (up to 30 s: password hashing is slow on small machines) until the element is there. */
  public void awaitShown(String id) {
    try {
      new WebDriverWait(driver, Duration.ofSeconds(30))
          .until(d -> !d.findElements(By.id(id)).isEmpty());
    } catch (TimeoutException e) {
      assertShown(id);
    }
    checked();
  }

  /** Fails with what the page says unless the element is there. */
  public void assertShown(String id) {
    if (!isShown(id)) {
      throw new AssertionError(
          "expected #" + id + " on " + driver.getCurrentUrl() + " which reads:\n" + bodyText());
    }
  }

  public String bodyText() {
    checked();
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Saves what the browser shows as target/screenshots/{name}.png (the README's pictures). */
  public void screenshot(String name) {
    checked();
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String pageSource() {
    checked();
    return driver.getPageSource();
  }

  public String currentUrl() {
    checked();
    return driver.getCurrentUrl();
  }

  /**
   * Waits until the browser reaches the GFMIS client's redirect URI and returns that URL. The
   * realm's GFMIS client requires the Soft Token level: a holder without a device meets "Get
   * Certificate" after the password, which this completes with the reference device ({@link
   * SoftTokenSteps#enroll}) so that password-only journeys still reach the client.
   */
  public String awaitCallback() {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d ->
                GfmisClient.isCallback(d.getCurrentUrl())
                    || !d.findElements(By.id(GetCertificatePage.QR)).isEmpty());
    if (!GfmisClient.isCallback(driver.getCurrentUrl())) {
      new SoftTokenSteps(this).enroll("Journey test phone");
    }
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> GfmisClient.isCallback(d.getCurrentUrl()));
    return driver.getCurrentUrl();
  }

  /** Replaces the text of the input field. */
  public void type(String id, String value) {
    checked();
    WebElement input = driver.findElement(By.id(id));
    input.clear();
    input.sendKeys(value);
  }
}
