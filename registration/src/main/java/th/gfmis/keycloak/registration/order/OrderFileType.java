package th.gfmis.keycloak.registration.order;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The kinds of file an assignment order may be, told apart by their first bytes. */
enum OrderFileType {
  PDF("application/pdf", Set.of("pdf"), bytes("%PDF-")),
  JPEG("image/jpeg", Set.of("jpg", "jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  PNG("image/png", Set.of("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

  private final String contentType;
  private final Set<String> extensions;
  private final byte[] signature;

  OrderFileType(String contentType, Set<String> extensions, byte[] signature) {
    this.contentType = contentType;
    this.extensions = extensions;
    this.signature = signature;
  }

  String contentType() {
    return contentType;
  }

  /** The usual extension, for a file whose name lost its own. */
  String extension() {
    return this == JPEG ? "jpg" : extensions.iterator().next();
  }

  /** The type whose signature the content starts with. */
  static Optional<OrderFileType> of(byte[] content) {
    return Arrays.stream(values())
        .filter(
            t ->
                content.length >= t.signature.length
                    && Arrays.equals(
                        content, 0, t.signature.length, t.signature, 0, t.signature.length))
        .findFirst();
  }

  /** Whether a file name's extension claims this type. */
  boolean claimedBy(String filename) {
    int dot = filename.lastIndexOf('.');
    return dot >= 0 && extensions.contains(filename.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static byte[] bytes(String ascii) {
    return ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
