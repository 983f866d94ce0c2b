package th.gfmis.keycloak.registration;

/** The user already has an open registration: one user ID, one open request (R-H1, R-P3). */
public class OpenRegistrationExistsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OpenRegistrationExistsException(String registrationId) {
    super("The user already has an open registration " + registrationId);
  }
}
