package th.gfmis.keycloak.authenticators.reset;

import java.util.List;
import th.gfmis.keycloak.core.GfmisAuthenticatorFactory;

public class ResetTemporaryPasswordAuthenticatorFactory extends GfmisAuthenticatorFactory {

  public static final String PROVIDER_ID = "gfmis-reset-temporary-password";

  public ResetTemporaryPasswordAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "GFMIS: e-mail a temporary password",
        "Forgotten password, step 3: confirms the data and, on request, e-mails a new temporary"
            + " password that must be changed at the next sign-in.",
        List.of(),
        new ResetTemporaryPasswordAuthenticator());
  }
}
