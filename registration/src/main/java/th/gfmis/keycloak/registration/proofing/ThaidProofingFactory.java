package th.gfmis.keycloak.registration.proofing;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Provider {@code thaid} of SPI {@code gfmis-identity-proofing}. Server option (Keycloak 26
 * syntax): {@code --spi-gfmis-identity-proofing--thaid--identity-provider-alias} (default {@code
 * thaid}): the realm's OIDC identity provider that is ThaID.
 */
public class ThaidProofingFactory implements IdentityProofingFactory {

  public static final String PROVIDER_ID = "thaid";
  public static final String DEFAULT_ALIAS = "thaid";

  private String alias = DEFAULT_ALIAS;

  @Override
  public IdentityProofing create(KeycloakSession session) {
    return new ThaidProofing(session, alias);
  }

  @Override
  public void init(Config.Scope config) {
    alias = config.get("identity-provider-alias", DEFAULT_ALIAS);
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public List<ProviderConfigProperty> getConfigMetadata() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name("identity-provider-alias")
        .type(ProviderConfigProperty.STRING_TYPE)
        .helpText("Alias of the realm's OpenID Connect identity provider that is ThaID.")
        .defaultValue(DEFAULT_ALIAS)
        .add()
        .build();
  }
}
