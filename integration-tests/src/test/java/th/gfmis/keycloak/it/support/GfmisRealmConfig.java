package th.gfmis.keycloak.it.support;

import java.util.UUID;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The realm export as it is, under a fresh realm id, so that counters and cooldowns kept in the
 * server's shared store by one test class never reach the next.
 */
public class GfmisRealmConfig implements RealmConfig {

  public static final String REALM_JSON = "/realm-export/gfmis-realm.json";

  @Override
  public RealmBuilder configure(RealmBuilder realm) {
    return realm.id(UUID.randomUUID().toString());
  }
}
