package th.gfmis.keycloak.registration.flow;

import java.util.List;
import th.gfmis.keycloak.core.GfmisAuthenticatorFactory;

public class RegistrationStatusAuthenticatorFactory extends GfmisAuthenticatorFactory {

  public static final String PROVIDER_ID = "gfmis-registration-status";

  public RegistrationStatusAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "GFMIS registration: status",
        "Registration step: the registration's status page; the last step, it never signs anyone in.",
        List.of(),
        new RegistrationStatusAuthenticator());
  }
}
