package th.gfmis.keycloak.requiredactions.password;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import th.gfmis.keycloak.core.SettingRules;
import th.gfmis.keycloak.core.password.TemporaryPasswordPolicy;

public class ChangeTemporaryPasswordActionFactory implements RequiredActionFactory {

  private static final ChangeTemporaryPasswordAction INSTANCE = new ChangeTemporaryPasswordAction();

  /** The values each setting accepts (checked when an administrator saves them). */
  static final SettingRules RULES =
      SettingRules.of(
          SettingRules.range(TemporaryPasswordPolicy.LIFETIME_MINUTES_OPTION, 1, 10_080));

  @Override
  public RequiredActionProvider create(KeycloakSession session) {
    return INSTANCE;
  }

  @Override
  public String getId() {
    return TemporaryPasswordPolicy.REQUIRED_ACTION;
  }

  @Override
  public String getDisplayText() {
    return "GFMIS: change e-mailed temporary password";
  }

  @Override
  public boolean isOneTimeAction() {
    return true;
  }

  @Override
  public List<ProviderConfigProperty> getConfigMetadata() {
    return RULES.document(configProperties());
  }

  @Override
  public void validateConfig(
      KeycloakSession session, RealmModel realm, RequiredActionConfigModel model) {
    RequiredActionFactory.super.validateConfig(session, realm, model);
    RULES.requireValidOnSave(getId(), model.getConfig());
  }

  private static List<ProviderConfigProperty> configProperties() {
    return ProviderConfigurationBuilder.create()
        .property(
            TemporaryPasswordPolicy.LIFETIME_MINUTES_OPTION,
            "Temporary password lifetime (minutes)",
            "Minutes after it was e-mailed that a temporary password stops working.",
            ProviderConfigProperty.INTEGER_TYPE,
            String.valueOf(TemporaryPasswordPolicy.DEFAULT_LIFETIME.toMinutes()),
            null)
        .build();
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}
