package th.gfmis.keycloak.registration.order;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reads a PDF with PDFBox and refuses what an approver's viewer could run or open: JavaScript,
 * launch and form-submission actions, additional actions ({@code /AA}), embedded and attached
 * files, rich media, XFA forms. Every object is looked at, including those inside compressed object
 * streams, and names are compared after PDFBox has decoded their {@code #xx} escapes.
 */
final class PdfOrderCheck {

  private static final Set<COSName> REFUSED_ACTIONS =
      Set.of(
          COSName.JAVA_SCRIPT,
          COSName.getPDFName("Launch"),
          COSName.getPDFName("ImportData"),
          COSName.getPDFName("SubmitForm"),
          COSName.getPDFName("RichMediaExecute"),
          COSName.getPDFName("Rendition"),
          COSName.getPDFName("Movie"),
          COSName.getPDFName("Sound"),
          COSName.getPDFName("GoToE"),
          COSName.getPDFName("GoToR"));

  private static final Set<COSName> REFUSED_KEYS =
      Set.of(
          COSName.JS,
          COSName.AA,
          COSName.getPDFName("JavaScript"),
          COSName.EMBEDDED_FILES,
          COSName.EF,
          COSName.XFA,
          COSName.getPDFName("RichMediaContent"));

  private static final Set<COSName> REFUSED_SUBTYPES =
      Set.of(
          COSName.getPDFName("FileAttachment"),
          COSName.getPDFName("RichMedia"),
          COSName.getPDFName("Movie"),
          COSName.getPDFName("Sound"),
          COSName.getPDFName("Screen"));

  private static final int MAX_DEPTH = 64;

  private PdfOrderCheck() {}

  /** The refusal's message key, or empty for a readable PDF without active content. */
  static Optional<String> problem(byte[] content) {
    try (PDDocument document = Loader.loadPDF(content)) {
      if (document.isEncrypted() || document.getNumberOfPages() < 1) {
        return Optional.of(OrderRefusals.UNREADABLE);
      }
      COSDocument objects = document.getDocument();
      for (COSObjectKey key : new ArrayList<>(objects.getXrefTable().keySet())) {
        if (active(objects.getObjectFromPool(key).getObject(), 0)) {
          return Optional.of(OrderRefusals.ACTIVE_CONTENT);
        }
      }
      if (active(document.getDocumentCatalog().getCOSObject(), 0)) {
        return Optional.of(OrderRefusals.ACTIVE_CONTENT);
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of(OrderRefusals.UNREADABLE);
    }
  }

  private static boolean in(Set<COSName> names, COSName name) {
    return name != null && names.contains(name);
  }

  /**
   * Looks into a dictionary or array and the direct objects it holds; indirect ones are visited on
   * their own.
   */
  private static boolean active(COSBase object, int depth) {
    if (depth > MAX_DEPTH) {
      return true;
    }
    if (object instanceof COSDictionary dictionary) {
      if (dictionary.keySet().stream().anyMatch(REFUSED_KEYS::contains)
          || in(REFUSED_ACTIONS, dictionary.getCOSName(COSName.S))
          || in(REFUSED_SUBTYPES, dictionary.getCOSName(COSName.SUBTYPE))
          || COSName.EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE))) {
        return true;
      }
      for (COSBase value : dictionary.getValues()) {
        if (active(value, depth + 1)) {
          return true;
        }
      }
    } else if (object instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (active(array.get(i), depth + 1)) {
          return true;
        }
      }
    }
    return false;
  }
}
