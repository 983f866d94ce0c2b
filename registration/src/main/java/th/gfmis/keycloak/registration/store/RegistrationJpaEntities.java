package th.gfmis.keycloak.registration.store;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers the registrations' entities and their Liquibase changelog with Keycloak's JPA. */
public class RegistrationJpaEntities implements JpaEntityProviderFactory, JpaEntityProvider {

  public static final String ID = "gfmis-registration-entities";

  @Override
  public List<Class<?>> getEntities() {
    return List.of(RegistrationEntity.class, OrderContentEntity.class, HistoryEntity.class);
  }

  @Override
  public String getChangelogLocation() {
    return "META-INF/gfmis-registration-changelog.xml";
  }

  @Override
  public String getFactoryId() {
    return ID;
  }

  @Override
  public JpaEntityProvider create(KeycloakSession session) {
    return this;
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
