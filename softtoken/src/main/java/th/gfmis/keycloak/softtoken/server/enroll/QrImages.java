package th.gfmis.keycloak.softtoken.server.enroll;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes as PNG data URIs (ZXing), error correction M, about {@value #SIZE} pixels wide, for the
 * "Get Certificate" page.
 */
public final class QrImages {

  private static final int SIZE = 280;

  private QrImages() {}

  public static String pngDataUri(String text) {
    try {
      // Encoded at one pixel a module, then scaled by a whole number: every module is a square of
      // the same size, which any camera or decoder reads (a fractional scale blurs modules).
      BitMatrix matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8",
                      EncodeHintType.MARGIN,
                      4));
      int scale = Math.max(1, SIZE / matrix.getWidth());
      BufferedImage image =
          new BufferedImage(
              matrix.getWidth() * scale,
              matrix.getHeight() * scale,
              BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
        }
      }
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    } catch (WriterException | IOException e) {
      throw new IllegalStateException("cannot draw the QR code", e);
    }
  }
}
