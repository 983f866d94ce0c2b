package th.gfmis.keycloak.it.support;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A second headless Chromium with a phone's screen, playing the holder's phone with the GFMIS Soft
 * Token web app. Every state of the app a test looks at passes the accessibility check.
 */
public final class PhoneBrowser implements AutoCloseable {

  private final WebDriver driver;

  public PhoneBrowser() {
    this.driver = HeadlessChromium.start("412,915");
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens a link as the phone's camera app would hand it to the browser. */
  public void open(String url) {
    driver.navigate().to(url);
    awaitReady();
  }

  /** Waits until the app has started (it marks the body once it has read its store). */
  public void awaitReady() {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    check();
  }

  /** Runs the accessibility check on what the app shows now (its screens are one document). */
  public void check() {
    ((JavascriptExecutor) driver).executeScript("window.gfmisAxeSeen = false;");
    AccessibilityCheck.ensureChecked(driver);
  }

  public WebElement await(String cssSelector) {
    return new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d ->
                d.findElements(By.cssSelector(cssSelector)).stream()
                    .filter(WebElement::isDisplayed)
                    .findFirst()
                    .orElse(null));
  }

  /** Waits until the element with this id shows non-empty text, and returns the text. */
  public String awaitText(String id) {
    return new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d -> {
              String text = d.findElement(By.id(id)).getText().strip();
              return text.isEmpty() ? null : text;
            });
  }

  public Object runAsync(String script, Object... args) {
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
