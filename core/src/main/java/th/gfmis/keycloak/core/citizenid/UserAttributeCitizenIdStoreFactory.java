package th.gfmis.keycloak.core.citizenid;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import th.gfmis.keycloak.domain.KeyedHash;

/**
 * Provider {@code default} of SPI {@code gfmis-citizen-id}. Its one option, {@code hash-key}, is
 * the server secret under which CIDs are hashed ({@code
 * --spi-gfmis-citizen-id--default--hash-key=...} or {@code
 * KC_SPI_GFMIS_CITIZEN_ID__DEFAULT__HASH_KEY}). It must stay the same for the life of the data:
 * with another key no stored CID matches.
 */
public class UserAttributeCitizenIdStoreFactory implements CitizenIdStoreFactory {

  public static final String PROVIDER_ID = "default";
  public static final String HASH_KEY_OPTION = "hash-key";

  /** The published key of the demo realm; the server warns when it runs with it. */
  public static final String DEMO_KEY = "gfmis-demo-cid-hash-key-not-for-production";

  private static final Logger LOG = Logger.getLogger(UserAttributeCitizenIdStoreFactory.class);

  private KeyedHash hasher;

  @Override
  public void init(Config.Scope config) {
    String key = config.get(HASH_KEY_OPTION);
    if (key == null || key.isBlank()) {
      LOG.warnf(
          "No %s configured for SPI %s: citizen IDs are hashed with the published demo key."
              + " Set one before storing real citizen IDs.",
          HASH_KEY_OPTION, CitizenIdSpi.NAME);
      key = DEMO_KEY;
    } else if (DEMO_KEY.equals(key)) {
      LOG.warn("Citizen IDs are hashed with the published demo key: not for production.");
    }
    hasher = new KeyedHash(key.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public CitizenIdStore create(KeycloakSession session) {
    return new UserAttributeCitizenIdStore(hasher);
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
        .name(HASH_KEY_OPTION)
        .type("string")
        .helpText(
            "Secret (16 bytes or more) under which citizen IDs are hashed. Keep it stable and"
                + " out of the database.")
        .secret(true)
        .add()
        .build();
  }
}
