package th.gfmis.keycloak.core;

import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;

/**
 * An authenticator's settings hold a value it cannot work with. Keycloak answers the browser with
 * its error page and the message {@value #MESSAGE} of the login theme, and records a {@code
 * generic_authentication_error} event whose detail names the configuration.
 */
public class InvalidSettingsException extends AuthenticationFlowException {

  /** Login-theme message shown to the user. */
  public static final String MESSAGE = "gfmisServiceMisconfigured";

  private static final long serialVersionUID = 1L;

  public InvalidSettingsException(String configAlias, String problems) {
    super(
        AuthenticationFlowError.GENERIC_AUTHENTICATION_ERROR,
        "gfmis_invalid_settings: " + configAlias + ": " + problems,
        MESSAGE);
  }
}
