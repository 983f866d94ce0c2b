package th.gfmis.keycloak.registration;

import org.keycloak.provider.ProviderFactory;

public interface RegistrationStoreFactory extends ProviderFactory<RegistrationStore> {}
