package th.gfmis.keycloak.softtoken.protocol;

/**
 * Which device names the server accepts. A name is shown to the holder and the administrators (the
 * account and admin consoles, the e-mails, the approval page), so it must not be able to disguise
 * itself: no control characters, no invisible format characters (bidi overrides and isolates such
 * as U+202E, U+2066–U+2069, the marks U+200E/U+200F, zero-width characters), no line or paragraph
 * separators, and at most {@link SoftTokenProtocol#MAX_DEVICE_NAME_LENGTH} characters. Thai and
 * other scripts are letters like any other.
 */
public final class DeviceNames {

  private DeviceNames() {}

  /** Whether {@code name} may be stored and shown as a device name. */
  public static boolean isAcceptable(String name) {
    return name != null
        && !name.isBlank()
        && name.codePointCount(0, name.length()) <= SoftTokenProtocol.MAX_DEVICE_NAME_LENGTH
        && name.codePoints().allMatch(DeviceNames::isShowable);
  }

  private static boolean isShowable(int codePoint) {
    int type = Character.getType(codePoint);
    return !Character.isISOControl(codePoint)
        && type != Character.FORMAT
        && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR
        && type != Character.SURROGATE
        && type != Character.PRIVATE_USE
        && type != Character.UNASSIGNED;
  }
}
