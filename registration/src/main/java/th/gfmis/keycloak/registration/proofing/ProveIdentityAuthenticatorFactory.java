package th.gfmis.keycloak.registration.proofing;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

public class ProveIdentityAuthenticatorFactory implements AuthenticatorFactory {

  public static final String PROVIDER_ID = "gfmis-registration-proofing";

  private static final ProveIdentityAuthenticator AUTHENTICATOR = new ProveIdentityAuthenticator();
  private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.DISABLED};

  @Override
  public Authenticator create(KeycloakSession session) {
    return AUTHENTICATOR;
  }

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getDisplayType() {
    return "GFMIS registration: prove identity (ThaID)";
  }

  @Override
  public String getHelpText() {
    return "Registration step: the holder proves their identity with the identity proofing service"
        + " (ThaID, the realm's identity provider 'thaid'); the proven citizen ID must be the one"
        + " entered in the step before.";
  }

  @Override
  public String getReferenceCategory() {
    return null;
  }

  @Override
  public boolean isConfigurable() {
    return false;
  }

  @Override
  public Requirement[] getRequirementChoices() {
    return REQUIREMENTS.clone();
  }

  @Override
  public boolean isUserSetupAllowed() {
    return false;
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return List.of();
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}
