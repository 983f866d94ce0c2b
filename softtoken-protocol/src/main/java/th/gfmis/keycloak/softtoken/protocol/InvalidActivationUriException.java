package th.gfmis.keycloak.softtoken.protocol;

/** The text is not a valid activation URI or activation link (code {@code invalid_request}). */
public class InvalidActivationUriException extends SoftTokenProtocolException {

  private static final long serialVersionUID = 1L;

  /**
   * @param description what is wrong, in English
   */
  public InvalidActivationUriException(String description) {
    super(SoftTokenError.INVALID_REQUEST, "Invalid activation URI: " + description);
  }
}
