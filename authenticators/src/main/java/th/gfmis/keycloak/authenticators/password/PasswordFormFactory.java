package th.gfmis.keycloak.authenticators.password;

import org.keycloak.models.credential.PasswordCredentialModel;
import th.gfmis.keycloak.core.GfmisAuthenticatorFactory;

/** Authenticator {@value #PROVIDER_ID}: user ID and password, locked per user and address. */
public class PasswordFormFactory extends GfmisAuthenticatorFactory {

  public static final String PROVIDER_ID = "gfmis-password-form";

  public PasswordFormFactory() {
    super(
        PROVIDER_ID,
        "GFMIS: user ID and password",
        "Keycloak's user ID and password form, with wrong passwords counted per user and client"
            + " address, so that guessing from one address never locks the holder out at another."
            + " Use it with the realm's brute-force detection off.",
        PasswordSettings.properties(),
        PasswordSettings.RULES,
        new PasswordForm());
  }

  @Override
  public String getReferenceCategory() {
    return PasswordCredentialModel.TYPE;
  }
}
