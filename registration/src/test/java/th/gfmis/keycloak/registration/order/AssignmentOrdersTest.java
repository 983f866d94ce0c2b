package th.gfmis.keycloak.registration.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.registration.Submission;

class AssignmentOrdersTest {

  @Test
  void aPlainPdfIsKeptWithItsTypeSizeAndHash() throws IOException {
    byte[] pdf = pdf(doc -> {});
    Submission.Attached kept = attached(check("คำสั่งมอบหมาย.pdf", pdf));
    assertEquals("application/pdf", kept.file().contentType());
    assertEquals(pdf.length, kept.file().size());
    assertEquals(64, kept.file().sha256().length());
    assertEquals("คำสั่งมอบหมาย.pdf", kept.file().filename());
    assertTrue(Arrays.equals(pdf, kept.content()));
  }

  @Test
  void exactlyOneMegabytePassesAndOneByteMoreIsRefused() throws IOException {
    byte[] exact = pdfOfSize(AssignmentOrders.MAX_BYTES);
    assertEquals(AssignmentOrders.MAX_BYTES, exact.length);
    attached(check("order.pdf", exact));

    byte[] over = pdfOfSize(AssignmentOrders.MAX_BYTES + 1);
    assertEquals(OrderRefusals.TOO_LARGE, refusal(check("order.pdf", over)));
  }

  @Test
  void fiftyMegabytesAreRefusedAfterReadingJustOverTheLimit() throws IOException {
    CountingStream fifty = new CountingStream(50L * 1024 * 1024);
    assertEquals(OrderRefusals.TOO_LARGE, refusal(AssignmentOrders.check("big.pdf", fifty)));
    assertEquals(AssignmentOrders.MAX_BYTES + 1, fifty.read);
  }

  @Test
  void anEmptyFileIsRefused() throws IOException {
    assertEquals(OrderRefusals.EMPTY, refusal(check("order.pdf", new byte[0])));
  }

  @Test
  void anExecutableNamedPdfIsRefused() throws IOException {
    byte[] exe = new byte[4096];
    exe[0] = 'M';
    exe[1] = 'Z';
    assertEquals(OrderRefusals.WRONG_TYPE, refusal(check("order.pdf", exe)));
    byte[] elf = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
    assertEquals(OrderRefusals.WRONG_TYPE, refusal(check("order.pdf", elf)));
  }

  @Test
  void aFileOfAnotherTypeThanItsNameClaimsIsRefused() throws IOException {
    assertEquals(OrderRefusals.WRONG_TYPE, refusal(check("order.pdf", png(40, 30))));
    assertEquals(OrderRefusals.WRONG_TYPE, refusal(check("order.exe", pdf(doc -> {}))));
    attached(check("scan", png(40, 30)));
  }

  @Test
  void aPdfThatRunsJavaScriptOnOpeningIsRefused() throws IOException {
    byte[] pdf =
        pdf(doc -> doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)")));
    assertEquals(OrderRefusals.ACTIVE_CONTENT, refusal(check("order.pdf", pdf)));
  }

  @Test
  void javaScriptInsideACompressedObjectStreamIsFound() throws IOException {
    PDDocument doc = new PDDocument();
    doc.addPage(new PDPage());
    doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out, CompressParameters.DEFAULT_COMPRESSION);
    doc.close();
    byte[] pdf = out.toByteArray();
    assertFalse(
        new String(pdf, StandardCharsets.ISO_8859_1).contains("JavaScript"),
        "the script is hidden from a byte search");
    assertEquals(OrderRefusals.ACTIVE_CONTENT, refusal(check("order.pdf", pdf)));
  }

  @Test
  void aNameWrittenWithHexEscapesIsStillFound() throws IOException {
    String raw =
        "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R/OpenAction <</S/J#61vaScript"
            + "/J#53 (app.alert(1))>>>> endobj\n2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
            + "3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>> endobj\n"
            + "trailer <</Root 1 0 R>>\n%%EOF\n";
    assertFalse(raw.contains("JavaScript"));
    assertEquals(
        OrderRefusals.ACTIVE_CONTENT,
        refusal(check("order.pdf", raw.getBytes(StandardCharsets.ISO_8859_1))));
  }

  @Test
  void aPdfCarryingAnEmbeddedFileIsRefused() throws IOException {
    byte[] pdf =
        pdf(
            doc -> {
              PDEmbeddedFile file =
                  new PDEmbeddedFile(doc, new ByteArrayInputStream(new byte[] {'M', 'Z'}));
              PDComplexFileSpecification spec = new PDComplexFileSpecification();
              spec.setFile("setup.exe");
              spec.setEmbeddedFile(file);
              PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
              tree.setNames(Map.of("setup.exe", spec));
              PDDocumentNameDictionary names =
                  new PDDocumentNameDictionary(doc.getDocumentCatalog());
              names.setEmbeddedFiles(tree);
              doc.getDocumentCatalog().setNames(names);
            });
    assertEquals(OrderRefusals.ACTIVE_CONTENT, refusal(check("order.pdf", pdf)));
  }

  @Test
  void aDamagedPdfIsRefused() throws IOException {
    byte[] garbage = "%PDF-1.7\nthis is not a document".getBytes(StandardCharsets.US_ASCII);
    assertEquals(OrderRefusals.UNREADABLE, refusal(check("order.pdf", garbage)));
  }

  @Test
  void jpegAndPngAreKeptAsImages() throws IOException {
    Submission.Attached jpeg = attached(check("scan.JPG", image(40, 30, "jpg")));
    assertEquals("image/jpeg", jpeg.file().contentType());
    Submission.Attached png = attached(check("scan.png", png(40, 30)));
    assertEquals("image/png", png.file().contentType());
  }

  @Test
  void aTruncatedImageIsRefused() throws IOException {
    byte[] png = png(400, 300);
    assertEquals(
        OrderRefusals.UNREADABLE, refusal(check("scan.png", Arrays.copyOf(png, png.length / 2))));
    byte[] jpeg = image(400, 300, "jpg");
    assertEquals(
        OrderRefusals.UNREADABLE, refusal(check("scan.jpg", Arrays.copyOf(jpeg, jpeg.length / 2))));
  }

  @Test
  void anImageDeclaringHugeDimensionsIsRefusedWithoutDecoding() throws IOException {
    byte[] png = png(40, 30);
    writeInt(png, 16, 100_000); // IHDR width
    writeInt(png, 20, 100_000); // IHDR height
    assertEquals(OrderRefusals.UNREADABLE, refusal(check("scan.png", png)));
  }

  private static Submission.OrderAttachment check(String name, byte[] content) throws IOException {
    return AssignmentOrders.check(name, new ByteArrayInputStream(content));
  }

  private static Submission.Attached attached(Submission.OrderAttachment result) {
    return assertInstanceOf(Submission.Attached.class, result, result::toString);
  }

  private static String refusal(Submission.OrderAttachment result) {
    return assertInstanceOf(Submission.Refused.class, result, result::toString).reasonKey();
  }

  interface DocumentSetup {
    void apply(PDDocument doc) throws IOException;
  }

  static byte[] pdf(DocumentSetup setup) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      setup.apply(doc);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    }
  }

  /** A valid PDF of exactly {@code size} bytes: a page and a filler stream of the right length. */
  static byte[] pdfOfSize(int size) throws IOException {
    int filler = 0;
    for (int attempt = 0; attempt < 5; attempt++) {
      int length = filler;
      byte[] pdf =
          pdf(
              doc -> {
                COSStream stream = doc.getDocument().createCOSStream();
                try (OutputStream out = stream.createRawOutputStream()) {
                  out.write(new byte[length]);
                }
                doc.getDocumentCatalog()
                    .getCOSObject()
                    .setItem(COSName.getPDFName("Filler"), stream);
              });
      if (pdf.length == size) {
        return pdf;
      }
      filler += size - pdf.length;
    }
    throw new IllegalStateException("could not hit " + size + " bytes");
  }

  private static byte[] png(int width, int height) throws IOException {
    return image(width, height, "png");
  }

  private static byte[] image(int width, int height, String format) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(7);
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        image.setRGB(x, y, random.nextInt());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }

  private static void writeInt(byte[] bytes, int offset, int value) {
    bytes[offset] = (byte) (value >>> 24);
    bytes[offset + 1] = (byte) (value >>> 16);
    bytes[offset + 2] = (byte) (value >>> 8);
    bytes[offset + 3] = (byte) value;
  }

  /** A long stream of zeros that counts how much of it was read. */
  private static final class CountingStream extends InputStream {
    private final long length;
    long read;

    CountingStream(long length) {
      this.length = length;
    }

    @Override
    public int read() {
      if (read >= length) {
        return -1;
      }
      read++;
      return 0;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
      if (read >= length) {
        return -1;
      }
      int n = (int) Math.min(count, length - read);
      Arrays.fill(buffer, offset, offset + n, (byte) 0);
      read += n;
      return n;
    }
  }
}
