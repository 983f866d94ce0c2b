package th.gfmis.keycloak.softtoken.server.api;

import java.time.Duration;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;

/**
 * The device API under {@code /realms/{realm}/gfmis-softtoken/}. Server option (Keycloak 26
 * syntax): {@code --spi-realm-restapi-extension--gfmis-softtoken--iat-skew-seconds} (default 60;
 * the jti memory is twice it).
 */
public class SoftTokenResourceProviderFactory implements RealmResourceProviderFactory {

  private Duration iatSkew = SoftTokenProtocol.DEFAULT_IAT_SKEW;

  @Override
  public RealmResourceProvider create(KeycloakSession session) {
    return new SoftTokenResourceProvider(session, iatSkew);
  }

  @Override
  public void init(Config.Scope config) {
    long seconds =
        config.getLong("iat-skew-seconds", SoftTokenProtocol.DEFAULT_IAT_SKEW.toSeconds());
    if (seconds > 0) {
      iatSkew = Duration.ofSeconds(seconds);
    }
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}

  @Override
  public String getId() {
    return SoftTokenProtocol.PROVIDER_ID;
  }
}
