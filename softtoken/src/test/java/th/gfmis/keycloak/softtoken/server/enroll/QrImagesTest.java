package th.gfmis.keycloak.softtoken.server.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.softtoken.protocol.ActivationCodes;
import th.gfmis.keycloak.softtoken.protocol.ActivationUri;

class QrImagesTest {

  private static final String PREFIX = "data:image/png;base64,";

  /** Read as a pure barcode, each module is sampled at its centre: whole-pixel modules needed. */
  @Test
  void everyActivationQrCodeIsReadBackModuleByModule() throws Exception {
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 300; i++) {
      String uri =
          new ActivationUri("https://sso.gfmis.go.th", "gfmis", ActivationCodes.generate(random))
              .toUriString();
      assertEquals(uri, decode(QrImages.pngDataUri(uri)), "QR code " + i);
    }
  }

  private static String decode(String dataUri) throws Exception {
    byte[] png = Base64.getDecoder().decode(dataUri.substring(PREFIX.length()));
    BinaryBitmap bitmap =
        new BinaryBitmap(
            new HybridBinarizer(
                new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png)))));
    return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
  }
}
