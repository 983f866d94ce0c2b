package th.gfmis.keycloak.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import th.gfmis.keycloak.it.support.pages.GetCertificatePage;
import th.gfmis.keycloak.it.support.pages.SoftTokenApprovePage;
import th.gfmis.keycloak.it.support.pages.SoftTokenResultPage;
import th.gfmis.keycloak.softtoken.cli.SoftTokenClientException;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;

/**
 * The Soft Token pages, with the reference device as the phone: "Get Certificate" from the QR image
 * the page shows, and approval of the number the page shows.
 */
public final class SoftTokenSteps {

  private final GetCertificatePage certificate;
  private final SoftTokenApprovePage approval;
  private final SoftTokenResultPage result;

  public SoftTokenSteps(Pages pages) {
    this.certificate = new GetCertificatePage(pages);
    this.approval = new SoftTokenApprovePage(pages);
    this.result = new SoftTokenResultPage(pages);
  }

  /** Decodes the QR image of the "Get Certificate" page. */
  public String readQrCode() {
    return certificate.readQrCode();
  }

  /** The page's activation link (same payload as the QR code). */
  public String activationLink() {
    return certificate.activationLink();
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
    assertEquals(deviceName, certificate.awaitDeviceName());
    certificate.continueOn();
    return device;
  }

  /** The number the approval page shows. */
  public int shownNumber() {
    return approval.number();
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
    return result.awaitReason();
  }
}
