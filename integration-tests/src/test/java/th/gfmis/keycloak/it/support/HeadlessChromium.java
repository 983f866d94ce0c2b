package th.gfmis.keycloak.it.support;

import java.io.File;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, through its chromedriver ({@code kc.test.browser.driver}), for the
 * tests that open a browser of their own rather than the test framework's.
 */
public final class HeadlessChromium {

  private HeadlessChromium() {}

  /**
   * Starts a browser with this window size, for example {@code "412,915"} (a phone).
   *
   * @param windowSize width and height in CSS pixels, comma separated
   * @return the browser; the caller quits it
   */
  public static WebDriver start(String windowSize) {
    ChromeOptions options = new ChromeOptions();
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=" + windowSize,
        "--lang=en-US");
    if (new File("/usr/bin/chromium").canExecute()) {
      options.setBinary("/usr/bin/chromium");
    }
    String driverPath = System.getProperty("kc.test.browser.driver", "/usr/bin/chromedriver");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(driverPath)).build();
    return new ChromeDriver(service, options);
  }
}
