package th.gfmis.keycloak.registration.flow;

import java.util.List;
import th.gfmis.keycloak.core.GfmisAuthenticatorFactory;

public class RegistrationIdentifyAuthenticatorFactory extends GfmisAuthenticatorFactory {

  public static final String PROVIDER_ID = "gfmis-registration-identify";

  public RegistrationIdentifyAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "GFMIS registration: identify",
        "Registration step: user ID, citizen ID, assignment order and e-mail; the user ID must exist. Nothing is stored yet.",
        List.of(),
        new RegistrationIdentifyAuthenticator());
  }
}
