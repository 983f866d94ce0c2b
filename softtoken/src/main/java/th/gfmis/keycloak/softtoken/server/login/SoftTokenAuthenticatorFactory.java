package th.gfmis.keycloak.softtoken.server.login;

import th.gfmis.keycloak.core.GfmisAuthenticatorFactory;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenCredentialModel;

/** Authenticator {@value #PROVIDER_ID}: sign-in approved in the Soft Token app. */
public class SoftTokenAuthenticatorFactory extends GfmisAuthenticatorFactory {

  public static final String PROVIDER_ID = "gfmis-softtoken";

  public SoftTokenAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "GFMIS: Soft Token approval",
        "After user ID and password: the holder approves the sign-in in the Soft Token app by"
            + " picking the number shown. Users without a device are sent to \"Get Certificate\".",
        LoginSettings.properties(),
        LoginSettings.RULES,
        new SoftTokenAuthenticator());
  }

  @Override
  public String getReferenceCategory() {
    return SoftTokenCredentialModel.TYPE;
  }

  @Override
  public boolean isUserSetupAllowed() {
    return true;
  }
}
