package th.gfmis.keycloak.registration.order;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import th.gfmis.keycloak.registration.OrderFile;
import th.gfmis.keycloak.registration.Submission;

/**
 * The checks an assignment order passes before it is kept (R-R1, R-S1): at most {@value #MAX_BYTES}
 * bytes, a PDF, JPEG or PNG by its content and as its name claims, readable, and for a PDF without
 * anything that runs or opens by itself. A refused file is never stored; the refusal names a
 * message key ({@link OrderRefusals}).
 */
public final class AssignmentOrders {

  /** 1 MB. */
  public static final int MAX_BYTES = 1024 * 1024;

  private AssignmentOrders() {}

  /**
   * Checks a file as it arrives. Reads at most {@link #MAX_BYTES} + 1 bytes of {@code content},
   * however long the stream is; the caller closes it.
   *
   * @param filename the name the holder's browser gave (used for its extension and for display)
   */
  public static Submission.OrderAttachment check(String filename, InputStream content)
      throws IOException {
    byte[] bytes = content.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      return new Submission.Refused(OrderRefusals.TOO_LARGE);
    }
    if (bytes.length == 0) {
      return new Submission.Refused(OrderRefusals.EMPTY);
    }
    Optional<OrderFileType> type = OrderFileType.of(bytes);
    if (type.isEmpty() || !nameAgrees(filename, type.get())) {
      return new Submission.Refused(OrderRefusals.WRONG_TYPE);
    }
    Optional<String> problem =
        type.get() == OrderFileType.PDF
            ? PdfOrderCheck.problem(bytes)
            : ImageOrderCheck.problem(bytes, type.get());
    if (problem.isPresent()) {
      return new Submission.Refused(problem.get());
    }
    OrderFile file =
        new OrderFile(
            OrderFilenames.forDisplay(filename, type.get()),
            type.get().contentType(),
            bytes.length,
            sha256(bytes));
    return new Submission.Attached(file, bytes);
  }

  /** A name without an extension claims nothing; one with an extension must claim this type. */
  private static boolean nameAgrees(String filename, OrderFileType type) {
    String name = filename == null ? "" : filename.strip();
    String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    return last.lastIndexOf('.') <= 0 || type.claimedBy(last.toLowerCase(Locale.ROOT));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java", e);
    }
  }
}
