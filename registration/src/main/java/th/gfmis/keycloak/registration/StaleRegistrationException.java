package th.gfmis.keycloak.registration;

/** The registration changed since it was read (another decision or fix won), or cannot take it. */
public class StaleRegistrationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Registration current;

  public StaleRegistrationException(Registration current) {
    super(
        "Registration "
            + current.id()
            + " is now at version "
            + current.version()
            + " with status "
            + current.status());
    this.current = current;
  }

  /** The registration as it now stands. */
  public Registration current() {
    return current;
  }
}
