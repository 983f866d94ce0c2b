package th.gfmis.keycloak.softtoken.server.push;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;

/** SPI {@value SoftTokenProtocol#PUSH_SPI}: push delivery of login challenges. */
public class SoftTokenPushSpi implements Spi {

  @Override
  public boolean isInternal() {
    return false;
  }

  @Override
  public String getName() {
    return SoftTokenProtocol.PUSH_SPI;
  }

  @Override
  public Class<? extends Provider> getProviderClass() {
    return SoftTokenPushProvider.class;
  }

  @Override
  public Class<? extends ProviderFactory> getProviderFactoryClass() {
    return SoftTokenPushProviderFactory.class;
  }
}
