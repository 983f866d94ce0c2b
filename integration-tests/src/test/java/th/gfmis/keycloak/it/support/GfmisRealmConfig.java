package th.gfmis.keycloak.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.util.JsonSerialization;

/**
 * The realm export as it is, under a fresh realm id, so that counters and cooldowns kept in the
 * server's shared store by one test class never reach the next; plus the demo-only clients of
 * {@value #DEMO_OVERLAY_JSON} (the demo application {@code gfmis-demo}) and the tests' loopback
 * redirect URI {@value GfmisClient#REDIRECT_URI} and a known secret on the {@code gfmis} client,
 * none of which the production export carries.
 */
public class GfmisRealmConfig implements RealmConfig {

  public static final String REALM_JSON = "/realm-export/gfmis-realm.json";
  public static final String DEMO_OVERLAY_JSON = "/realm-export/demo/gfmis-demo-client.json";

  @Override
  public RealmBuilder configure(RealmBuilder realm) {
    return realm
        .id(UUID.randomUUID().toString())
        .clients(demoClients())
        .update(GfmisRealmConfig::addTestRedirectUri);
  }

  private static void addTestRedirectUri(RealmRepresentation realm) {
    ClientRepresentation gfmis =
        realm.getClients().stream()
            .filter(c -> GfmisClient.CLIENT_ID.equals(c.getClientId()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("the realm export has no gfmis client"));
    List<String> uris = new ArrayList<>(gfmis.getRedirectUris());
    uris.add(GfmisClient.REDIRECT_URI);
    gfmis.setRedirectUris(uris);
    // The export carries no secret (Keycloak makes a random one on import); the tests need a known
    // one.
    gfmis.setSecret(GfmisClient.SECRET);
  }

  private static ClientRepresentation[] demoClients() {
    try (InputStream in = GfmisRealmConfig.class.getResourceAsStream(DEMO_OVERLAY_JSON)) {
      if (in == null) {
        throw new IllegalStateException(DEMO_OVERLAY_JSON + " is not on the test classpath");
      }
      RealmRepresentation overlay = JsonSerialization.readValue(in, RealmRepresentation.class);
      return overlay.getClients().toArray(new ClientRepresentation[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
