package th.gfmis.keycloak.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.openqa.selenium.By;
import th.gfmis.keycloak.softtoken.cli.QrCodes;
import th.gfmis.keycloak.softtoken.cli.SoftTokenClientException;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;

/**
 * The Soft Token pages, with the reference device as the phone: "Get Certificate" from the QR image
 * the page shows, and approval of the number the page shows.
 */
public final class SoftTokenSteps {

  public static final String QR_ID = "gfmis-softtoken-qr";
  public static final String NUMBER_ID = "gfmis-softtoken-number";
  public static final String RESULT_ID = "gfmis-softtoken-result";

  private final Pages pages;

  public SoftTokenSteps(Pages pages) {
    this.pages = pages;
  }

  /** Decodes the QR image of the "Get Certificate" page (its PNG data URI) with ZXing. */
  public String readQrCode() {
    pages.awaitShown(QR_ID);
    String src = pages.driver().findElement(By.id(QR_ID)).getAttribute("src");
    String prefix = "data:image/png;base64,";
    assertTrue(src.startsWith(prefix), "the QR code is a PNG data URI");
    try {
      Path png = Files.createTempFile("gfmis-qr", ".png");
      try {
        Files.write(png, Base64.getDecoder().decode(src.substring(prefix.length())));
        return QrCodes.decode(png);
      } finally {
        Files.deleteIfExists(png);
      }
    } catch (IOException | SoftTokenClientException e) {
      throw new AssertionError("cannot decode the QR code", e);
    }
  }

  /** The page's activation link (same payload as the QR code). */
  public String activationLink() {
    return pages.driver().findElement(By.id("gfmis-softtoken-link")).getAttribute("href");
  }

  /**
   * Completes "Get Certificate": scans the QR code with a new reference device, waits for the page
   * to move on by itself and show the device name, then continues.
   */
  public SoftTokenDevice enroll(String deviceName) {
    String qr = readQrCode();
    SoftTokenDevice device;
    try {
      device = SoftTokenDevice.enroll(qr, deviceName);
    } catch (SoftTokenClientException e) {
      throw new AssertionError("enrollment refused: " + e.oneLine(), e);
    }
    pages.awaitShown("gfmis-softtoken-device-name");
    assertEquals(deviceName, pages.text("gfmis-softtoken-device-name"));
    pages.click("gfmis-softtoken-continue");
    return device;
  }

  /** The number the approval page shows. */
  public int shownNumber() {
    pages.awaitShown(NUMBER_ID);
    return Integer.parseInt(pages.text(NUMBER_ID).strip());
  }

  /** Waits until the device sees a pending challenge and returns it. */
  public static PendingChallenge awaitChallenge(SoftTokenDevice device) {
    Instant end = Instant.now().plus(Duration.ofSeconds(15));
    while (Instant.now().isBefore(end)) {
      try {
        List<PendingChallenge> pending = device.pending();
        if (!pending.isEmpty()) {
          return pending.get(0);
        }
        Thread.sleep(300);
      } catch (SoftTokenClientException e) {
        throw new AssertionError("pending refused: " + e.oneLine(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no challenge reached the device");
  }

  /** Approves the sign-in on the device with the number the page shows. */
  public PendingChallenge approve(SoftTokenDevice device) {
    int number = shownNumber();
    PendingChallenge challenge = awaitChallenge(device);
    try {
      device.approve(challenge.id(), number);
    } catch (SoftTokenClientException e) {
      throw new AssertionError("approval refused: " + e.oneLine(), e);
    }
    return challenge;
  }

  /** Waits for the page that ends a refused sign-in and returns its reason. */
  public String awaitResult() {
    pages.awaitShown(RESULT_ID);
    return pages.driver().findElement(By.id(RESULT_ID)).getAttribute("data-reason");
  }
}
