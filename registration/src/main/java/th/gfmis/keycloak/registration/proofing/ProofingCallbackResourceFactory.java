package th.gfmis.keycloak.registration.proofing;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** The registration's browser endpoints under {@code /realms/{realm}/gfmis-registration/}. */
public class ProofingCallbackResourceFactory implements RealmResourceProviderFactory {

  public static final String ID = "gfmis-registration";

  @Override
  public RealmResourceProvider create(KeycloakSession session) {
    return new ProofingCallbackResource(session);
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}
