package th.gfmis.keycloak.core;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The common shape of this project's authenticator factories: a stateless authenticator, a
 * REQUIRED/DISABLED requirement, optional settings in the admin console.
 */
public abstract class GfmisAuthenticatorFactory implements AuthenticatorFactory {

  private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.DISABLED};

  private final String id;
  private final String displayType;
  private final String helpText;
  private final List<ProviderConfigProperty> configProperties;
  private final Authenticator authenticator;
  private final SettingRules settingRules;

  protected GfmisAuthenticatorFactory(
      String id,
      String displayType,
      String helpText,
      List<ProviderConfigProperty> configProperties,
      Authenticator authenticator) {
    this(id, displayType, helpText, configProperties, SettingRules.of(), authenticator);
  }

  /**
   * @param settingRules the values each setting accepts, added to the help texts; the settings
   *     reader checks them at sign-in, as Keycloak has no save-time check for authenticators
   */
  protected GfmisAuthenticatorFactory(
      String id,
      String displayType,
      String helpText,
      List<ProviderConfigProperty> configProperties,
      SettingRules settingRules,
      Authenticator authenticator) {
    this.id = id;
    this.displayType = displayType;
    this.helpText = helpText;
    this.configProperties = List.copyOf(settingRules.document(configProperties));
    this.settingRules = settingRules;
    this.authenticator = authenticator;
  }

  /** The values each setting accepts. */
  public SettingRules settingRules() {
    return settingRules;
  }

  @Override
  public Authenticator create(KeycloakSession session) {
    return authenticator;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public String getDisplayType() {
    return displayType;
  }

  @Override
  public String getHelpText() {
    return helpText;
  }

  @Override
  public String getReferenceCategory() {
    return null;
  }

  @Override
  public boolean isConfigurable() {
    return !configProperties.isEmpty();
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
    return configProperties;
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}
