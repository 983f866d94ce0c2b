package th.gfmis.keycloak.registration.proofing;

import java.util.List;
import th.gfmis.keycloak.core.GfmisAuthenticatorFactory;

/** Authenticator {@value #PROVIDER_ID}: the registration step "prove identity". */
public class ProveIdentityAuthenticatorFactory extends GfmisAuthenticatorFactory {

  public static final String PROVIDER_ID = "gfmis-registration-proofing";

  public ProveIdentityAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "GFMIS registration: prove identity (ThaID)",
        "Registration step: the holder proves their identity with the identity proofing service"
            + " (ThaID, the realm's identity provider 'thaid'); the proven citizen ID must be the"
            + " one entered in the step before.",
        List.of(),
        new ProveIdentityAuthenticator());
  }
}
