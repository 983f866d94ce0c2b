package th.gfmis.keycloak.registration.proofing;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * SPI {@code gfmis-identity-proofing}: who proves a registering holder's identity. ThaID is the
 * implementation this project ships ({@code thaid}); Pao Tang has no public interface, so a second
 * proofing service is a provider of this SPI.
 */
public class IdentityProofingSpi implements Spi {

  public static final String NAME = "gfmis-identity-proofing";

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
    return IdentityProofing.class;
  }

  @Override
  public Class<? extends ProviderFactory> getProviderFactoryClass() {
    return IdentityProofingFactory.class;
  }
}
