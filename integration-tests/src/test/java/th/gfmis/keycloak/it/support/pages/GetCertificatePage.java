package th.gfmis.keycloak.it.support.pages;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.softtoken.cli.QrCodes;
import th.gfmis.keycloak.softtoken.cli.SoftTokenClientException;

/**
 * Soft Token "Get Certificate": the QR code and link for the app, then, once a phone has enrolled,
 * the device name and "continue".
 */
public final class GetCertificatePage extends GfmisPage {

  public static final String FORM = "gfmis-softtoken-enroll-form";
  public static final String QR = "gfmis-softtoken-qr";
  public static final String LINK = "gfmis-softtoken-link";
  public static final String CHECK = "gfmis-softtoken-check";
  public static final String NEW_CODE = "gfmis-softtoken-new-code";
  public static final String WAITING = "gfmis-softtoken-waiting";
  public static final String DEVICE_NAME = "gfmis-softtoken-device-name";
  public static final String CONTINUE = "gfmis-softtoken-continue";

  public GetCertificatePage(Pages pages) {
    super(pages);
  }

  @Override
  String pageId() {
    return QR;
  }

  /** Decodes the QR image (its PNG data URI) with ZXing. */
  public String readQrCode() {
    await();
    String src = pages.attribute(QR, "src");
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

  /** The activation link (same payload as the QR code). */
  public String activationLink() {
    return pages.attribute(LINK, "href");
  }

  /** Waits until the page has noticed the enrolled phone and returns the device name it shows. */
  public String awaitDeviceName() {
    pages.awaitShown(DEVICE_NAME);
    return pages.text(DEVICE_NAME);
  }

  /** "Continue" after the phone has enrolled. */
  public void continueOn() {
    pages.click(CONTINUE);
  }
}
