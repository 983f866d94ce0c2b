package th.gfmis.keycloak.registration.order;

import java.text.Normalizer;

/**
 * The name a holder's browser gave a file, made safe to show: no directories, no control or
 * direction-changing characters, at most {@value #MAX_LENGTH} characters with the extension kept.
 * It is only ever shown, never used as a path.
 */
final class OrderFilenames {

  static final int MAX_LENGTH = 100;

  private OrderFilenames() {}

  static String forDisplay(String submitted, OrderFileType type) {
    String name = submitted == null ? "" : Normalizer.normalize(submitted, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder kept = new StringBuilder();
    name.codePoints().filter(OrderFilenames::shown).forEach(kept::appendCodePoint);
    name = kept.toString().strip();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    if (name.isEmpty() || !type.claimedBy(name)) {
      name = (name.isEmpty() ? "order" : name) + "." + type.extension();
    }
    return shorten(name);
  }

  private static boolean shown(int c) {
    return !Character.isISOControl(c)
        && Character.getType(c) != Character.FORMAT
        && Character.getType(c) != Character.PRIVATE_USE
        && Character.getType(c) != Character.SURROGATE
        && Character.getType(c) != Character.UNASSIGNED;
  }

  private static String shorten(String name) {
    if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = name.substring(dot);
    String stem = name.substring(0, dot);
    int keep = MAX_LENGTH - extension.length() - 1;
    return stem.substring(0, stem.offsetByCodePoints(0, keep)) + "…" + extension;
  }
}
