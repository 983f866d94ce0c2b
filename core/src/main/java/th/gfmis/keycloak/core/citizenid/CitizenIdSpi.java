package th.gfmis.keycloak.core.citizenid;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** SPI {@code gfmis-citizen-id}: where and how users' citizen IDs are kept. */
public class CitizenIdSpi implements Spi {

  public static final String NAME = "gfmis-citizen-id";

  @Override
  public boolean isInternal() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public Class<? extends Provider> getProviderClass() {
    return CitizenIdStore.class;
  }

  @Override
  public Class<? extends ProviderFactory> getProviderFactoryClass() {
    return CitizenIdStoreFactory.class;
  }
}
