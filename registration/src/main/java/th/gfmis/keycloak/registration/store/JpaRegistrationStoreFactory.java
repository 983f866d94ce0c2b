package th.gfmis.keycloak.registration.store;

import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.registration.RegistrationStore;
import th.gfmis.keycloak.registration.RegistrationStoreFactory;

/**
 * Store {@value #ID}: the registrations in the database; deletes a user's registrations with the
 * user, and a realm's with the realm.
 */
public class JpaRegistrationStoreFactory implements RegistrationStoreFactory {

  public static final String ID = "jpa";

  @Override
  public RegistrationStore create(KeycloakSession session) {
    return new JpaRegistrationStore(
        session.getProvider(JpaConnectionProvider.class).getEntityManager());
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    factory.register(
        event -> {
          if (event instanceof UserModel.UserRemovedEvent removed) {
            store(removed.getKeycloakSession()).removeAll(removed.getRealm(), removed.getUser());
          } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            store(removed.getKeycloakSession()).removeRealm(removed.getRealm().getId());
          }
        });
  }

  private JpaRegistrationStore store(KeycloakSession session) {
    return (JpaRegistrationStore) create(session);
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}
