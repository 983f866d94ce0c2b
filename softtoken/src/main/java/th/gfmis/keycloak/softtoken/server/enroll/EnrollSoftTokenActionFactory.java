package th.gfmis.keycloak.softtoken.server.enroll;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;

/** Required action {@value #PROVIDER_ID}: "Get Certificate" (R-R5). */
public class EnrollSoftTokenActionFactory implements RequiredActionFactory {

  public static final String PROVIDER_ID = "gfmis-softtoken-enroll";

  private static final EnrollSoftTokenAction INSTANCE = new EnrollSoftTokenAction();

  @Override
  public RequiredActionProvider create(KeycloakSession session) {
    return INSTANCE;
  }

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public String getDisplayText() {
    return "GFMIS: Get Certificate (register the Soft Token)";
  }

  @Override
  public List<ProviderConfigProperty> getConfigMetadata() {
    return EnrollmentSettings.RULES.document(EnrollmentSettings.properties());
  }

  @Override
  public void validateConfig(
      KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
    RequiredActionFactory.super.validateConfig(session, realm, model);
    EnrollmentSettings.RULES.requireValidOnSave(getId(), model.getConfig());
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}
