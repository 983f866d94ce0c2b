package th.gfmis.keycloak.core.citizenid;

import org.keycloak.provider.ProviderFactory;

public interface CitizenIdStoreFactory extends ProviderFactory<CitizenIdStore> {}
