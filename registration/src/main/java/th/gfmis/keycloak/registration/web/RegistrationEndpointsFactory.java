package th.gfmis.keycloak.registration.web;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import th.gfmis.keycloak.registration.RegistrationUris;

/** The registration's browser endpoints under {@code /realms/{realm}/gfmis-registration/}. */
public class RegistrationEndpointsFactory implements RealmResourceProviderFactory {

  @Override
  public RealmResourceProvider create(KeycloakSession session) {
    return new RegistrationEndpoints(session);
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return RegistrationUris.ROOT;
  }
}
