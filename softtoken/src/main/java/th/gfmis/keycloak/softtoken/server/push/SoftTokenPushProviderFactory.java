package th.gfmis.keycloak.softtoken.server.push;

import org.keycloak.provider.ProviderFactory;

/** Factory of a {@link SoftTokenPushProvider}. */
public interface SoftTokenPushProviderFactory extends ProviderFactory<SoftTokenPushProvider> {}
