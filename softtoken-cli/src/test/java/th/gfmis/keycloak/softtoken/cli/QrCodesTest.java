package th.gfmis.keycloak.softtoken.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrCodesTest {

  @TempDir Path dir;

  /** Writes a QR PNG the way the server's "Get Certificate" page would show it. */
  static Path writeQr(Path file, String text) throws Exception {
    var matrix =
        new QRCodeWriter()
            .encode(text, BarcodeFormat.QR_CODE, 300, 300, Map.of(EncodeHintType.MARGIN, 2));
    MatrixToImageWriter.writeToPath(matrix, "PNG", file);
    return file;
  }

  @Test
  void decodesAnActivationQr() throws Exception {
    String text =
        "gfmis-softtoken://enroll?v=1&server=https%3A%2F%2Fsso.example&realm=gfmis&code="
            + "A".repeat(43);
    assertEquals(text, QrCodes.decode(writeQr(dir.resolve("qr.png"), text)));
  }

  /** A page's QR image on which ZXing's finder-pattern search finds nothing. */
  @Test
  void readsAFlawlessImageThatTheFinderSearchMisses() throws Exception {
    Path image = dir.resolve("qr.png");
    try (var png = QrCodesTest.class.getResourceAsStream("/qr-finder-search-misses.png")) {
      Files.copy(png, image);
    }
    assertEquals(
        "gfmis-softtoken://enroll?v=1&server=https%3A%2F%2Fsso.gfmis.go.th&realm=gfmis"
            + "&code=j-bum8cM84Oz871XFZnpKFHI1iC-wFzlXmvXIT-nGo8",
        QrCodes.decode(image));
  }

  @Test
  void refusesNonImagesAndImagesWithoutQr() throws Exception {
    Path notImage = Files.writeString(dir.resolve("x.png"), "not an image");
    assertEquals(
        SoftTokenClientException.INVALID_ACTIVATION,
        assertThrows(SoftTokenClientException.class, () -> QrCodes.decode(notImage)).error());
    Path blank = dir.resolve("blank.png");
    ImageIO.write(new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB), "PNG", blank.toFile());
    assertEquals(
        SoftTokenClientException.INVALID_ACTIVATION,
        assertThrows(SoftTokenClientException.class, () -> QrCodes.decode(blank)).error());
    assertThrows(SoftTokenClientException.class, () -> QrCodes.decode(dir.resolve("missing.png")));
  }
}
