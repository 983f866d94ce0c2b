package th.gfmis.keycloak.softtoken.cli;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads the activation QR code from an image file (what a phone's camera would do). */
public final class QrCodes {

  private QrCodes() {}

  /**
   * Decodes the QR code in a PNG (or other ImageIO-readable) image.
   *
   * @param image the image file, e.g. a screenshot of the "Get Certificate" page
   * @return the QR code's text
   * @throws SoftTokenClientException {@code invalid_activation} when no QR code is readable
   */
  public static String decode(Path image) throws SoftTokenClientException {
    BufferedImage picture;
    try {
      picture = ImageIO.read(image.toFile());
    } catch (IOException e) {
      throw new SoftTokenClientException(
          SoftTokenClientException.INVALID_ACTIVATION, "Cannot read the image " + image + ".", e);
    }
    if (picture == null) {
      throw SoftTokenClientException.local(
          SoftTokenClientException.INVALID_ACTIVATION, image + " is not a readable image.");
    }
    LuminanceSource source = new BufferedImageLuminanceSource(picture);
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(source));
    try {
      return new QRCodeReader().decode(bitmap, hints(false)).getText();
    } catch (ReaderException inPicture) {
      // ZXing's finder-pattern search misses now and then on a flawless generated image (the
      // page's PNG saved as it is), which it reads as a pure barcode instead.
      try {
        return new QRCodeReader().decode(bitmap, hints(true)).getText();
      } catch (ReaderException e) {
        throw new SoftTokenClientException(
            SoftTokenClientException.INVALID_ACTIVATION, "No QR code found in " + image + ".", e);
      }
    }
  }

  private static Map<DecodeHintType, Object> hints(boolean pureBarcode) {
    Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
    hints.put(DecodeHintType.TRY_HARDER, true);
    hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
    if (pureBarcode) {
      hints.put(DecodeHintType.PURE_BARCODE, true);
    }
    return hints;
  }
}
