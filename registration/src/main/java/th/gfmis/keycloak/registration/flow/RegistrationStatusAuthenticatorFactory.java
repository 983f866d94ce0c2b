package th.gfmis.keycloak.registration.flow;

import java.util.List;

public class RegistrationStatusAuthenticatorFactory extends RegistrationStepFactory {

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
