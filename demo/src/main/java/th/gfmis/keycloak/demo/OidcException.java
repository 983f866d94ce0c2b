package th.gfmis.keycloak.demo;

/** A failed step of the demo app's sign-in, shown to the user on the app page. */
final class OidcException extends Exception {
  private static final long serialVersionUID = 1L;

  OidcException(String message) {
    super(message);
  }

  OidcException(String message, Throwable cause) {
    super(message, cause);
  }
}
