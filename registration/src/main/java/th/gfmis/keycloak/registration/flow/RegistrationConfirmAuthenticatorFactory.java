package th.gfmis.keycloak.registration.flow;

import th.gfmis.keycloak.core.GfmisAuthenticatorFactory;

public class RegistrationConfirmAuthenticatorFactory extends GfmisAuthenticatorFactory {

  public static final String PROVIDER_ID = "gfmis-registration-confirm";

  public RegistrationConfirmAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "GFMIS registration: confirm",
        "Registration step: the summary, the e-mail confirmed by OTP, a new holder's password; then the registration is stored (or the open one fixed) and a new phone approved at once.",
        RegistrationSettings.properties(),
        new RegistrationConfirmAuthenticator());
  }
}
