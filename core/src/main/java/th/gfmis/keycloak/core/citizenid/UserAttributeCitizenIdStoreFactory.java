package th.gfmis.keycloak.core.citizenid;

import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Provider {@code default} of SPI {@code gfmis-citizen-id}. Options ({@code
 * --spi-gfmis-citizen-id--default--<option>=...} or {@code
 * KC_SPI_GFMIS_CITIZEN_ID__DEFAULT__<OPTION>}):
 *
 * <ul>
 *   <li>{@code hash-key}: the secret new CID hashes are made under (16 bytes or more);
 *   <li>{@code hash-key-id}: its id, stored in front of each hash (default {@code 1});
 *   <li>{@code previous-hash-keys}: older keys, {@code id:secret,id:secret}, still matched; a hash
 *       under one of them is re-written under the current key when its CID is next entered.
 * </ul>
 *
 * Outside {@code start-dev} the store refuses CIDs until a real key is set; {@code start-dev}
 * without a key uses the published demo key.
 */
public class UserAttributeCitizenIdStoreFactory implements CitizenIdStoreFactory {

  public static final String PROVIDER_ID = "default";
  public static final String HASH_KEY_OPTION = "hash-key";
  public static final String HASH_KEY_ID_OPTION = "hash-key-id";
  public static final String PREVIOUS_HASH_KEYS_OPTION = "previous-hash-keys";

  /** The published key of the demo realm. */
  public static final String DEMO_KEY = CitizenIdHashKeys.DEMO_KEY;

  private static final Logger LOG = Logger.getLogger(UserAttributeCitizenIdStoreFactory.class);

  private CitizenIdHashKeys keys;

  @Override
  public void init(Config.Scope config) {
    keys =
        CitizenIdHashKeys.from(
            config.get(HASH_KEY_OPTION),
            config.get(HASH_KEY_ID_OPTION),
            config.get(PREVIOUS_HASH_KEYS_OPTION),
            Environment.isDevMode());
    keys.problem()
        .ifPresent(
            problem ->
                LOG.errorf(
                    "SPI %s: %s. The forgotten-password flow and the citizen-ID admin endpoint"
                        + " refuse citizen IDs until --spi-%s--%s--%s is set to a secret of %d"
                        + " bytes or more (see docs/citizen-id.md).",
                    CitizenIdSpi.NAME,
                    problem,
                    CitizenIdSpi.NAME,
                    PROVIDER_ID,
                    HASH_KEY_OPTION,
                    CitizenIdHashKeys.MIN_KEY_BYTES));
    keys.warnings().forEach(warning -> LOG.warnf("SPI %s: %s", CitizenIdSpi.NAME, warning));
    keys.ring()
        .ifPresent(
            ring -> LOG.infof("SPI %s: citizen IDs hashed with %s", CitizenIdSpi.NAME, ring));
  }

  @Override
  public CitizenIdStore create(KeycloakSession session) {
    return new UserAttributeCitizenIdStore(keys);
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
            "Secret (16 bytes or more) under which new citizen-ID hashes are made. Required"
                + " outside start-dev. Keep it out of the database.")
        .secret(true)
        .add()
        .property()
        .name(HASH_KEY_ID_OPTION)
        .type("string")
        .helpText(
            "Id of hash-key, stored in front of each hash (1 to 32 letters, digits, '.', '_',"
                + " '-'; default 1). Give each new key a new id.")
        .add()
        .property()
        .name(PREVIOUS_HASH_KEYS_OPTION)
        .type("string")
        .helpText(
            "Older keys still matched, as id:secret,id:secret. A hash under one of them is"
                + " re-written under hash-key when its citizen ID is next entered correctly.")
        .secret(true)
        .add()
        .build();
  }
}
