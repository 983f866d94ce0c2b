package th.gfmis.keycloak.demo;

/** A problem the user can fix (a busy port, a missing build); printed without a stack trace. */
final class DemoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DemoException(String message) {
    super(message);
  }

  DemoException(String message, Throwable cause) {
    super(message, cause);
  }
}
