package th.gfmis.keycloak.registration.flow;

import java.util.List;
import th.gfmis.keycloak.core.GfmisAuthenticatorFactory;

public class PendingRegistrationAuthenticatorFactory extends GfmisAuthenticatorFactory {

  public static final String PROVIDER_ID = "gfmis-registration-pending";

  public PendingRegistrationAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "GFMIS: open registration's status",
        "After the password: a user without a Soft Token or a grant whose registration is open sees"
            + " its status instead of Get Certificate; everyone else passes through.",
        List.of(),
        new PendingRegistrationAuthenticator());
  }
}
