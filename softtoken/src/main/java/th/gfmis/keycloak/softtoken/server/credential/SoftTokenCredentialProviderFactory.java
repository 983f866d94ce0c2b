package th.gfmis.keycloak.softtoken.server.credential;

import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Registers the {@value SoftTokenCredentialModel#TYPE} credential type. */
public class SoftTokenCredentialProviderFactory
    implements CredentialProviderFactory<SoftTokenCredentialProvider> {

  public static final String PROVIDER_ID = SoftTokenCredentialModel.TYPE;

  @Override
  public SoftTokenCredentialProvider create(KeycloakSession session) {
    return new SoftTokenCredentialProvider(session);
  }

  @Override
  public String getId() {
    return PROVIDER_ID;
  }
}
