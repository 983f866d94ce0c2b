package th.gfmis.keycloak.registration;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** SPI {@code gfmis-registration-store}: where registrations are kept. */
public class RegistrationStoreSpi implements Spi {

  public static final String NAME = "gfmis-registration-store";

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
    return RegistrationStore.class;
  }

  @Override
  public Class<? extends ProviderFactory> getProviderFactoryClass() {
    return RegistrationStoreFactory.class;
  }
}
