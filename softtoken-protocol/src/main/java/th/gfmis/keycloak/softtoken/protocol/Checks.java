package th.gfmis.keycloak.softtoken.protocol;

/** Small validation helpers shared by the message records. */
final class Checks {

  private Checks() {}

  static SoftTokenProtocolException invalid(String description) {
    return new SoftTokenProtocolException(SoftTokenError.INVALID_REQUEST, description);
  }

  static String requireText(String value, String name, int maxLength)
      throws SoftTokenProtocolException {
    if (value == null || value.isEmpty()) {
      throw invalid("Missing " + name + ".");
    }
    if (value.length() > maxLength) {
      throw invalid(name + " is too long.");
    }
    return value;
  }

  static boolean hasControlCharacters(String value) {
    return value.codePoints().anyMatch(Character::isISOControl);
  }
}
