package th.gfmis.keycloak.authenticators.reset;

import th.gfmis.keycloak.core.GfmisAuthenticatorFactory;

public class ResetIdentifyAuthenticatorFactory extends GfmisAuthenticatorFactory {

  public static final String PROVIDER_ID = "gfmis-reset-identify";

  public ResetIdentifyAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "GFMIS: identify by user ID, citizen ID and e-mail",
        "Forgotten password, step 1: the holder enters user ID, citizen ID and registered e-mail;"
            + " only the full triple matches. Misses are throttled per user ID and client address.",
        ResetSettings.throttleProperties(),
        ResetSettings.RULES,
        new ResetIdentifyAuthenticator());
  }
}
