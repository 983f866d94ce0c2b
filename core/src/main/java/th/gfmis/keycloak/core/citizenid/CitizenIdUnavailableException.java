package th.gfmis.keycloak.core.citizenid;

/**
 * Thrown when a CID is to be hashed or matched while the server has no usable hashing key; the
 * message names the configuration problem, never a CID.
 */
public class CitizenIdUnavailableException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public CitizenIdUnavailableException(String problem) {
    super("Citizen IDs are refused until a hashing key is configured: " + problem);
  }
}
