package th.gfmis.keycloak.registration.proofing;

import org.keycloak.provider.ProviderFactory;

public interface IdentityProofingFactory extends ProviderFactory<IdentityProofing> {}
