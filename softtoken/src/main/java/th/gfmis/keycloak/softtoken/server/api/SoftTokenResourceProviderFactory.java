package th.gfmis.keycloak.softtoken.server.api;

import java.time.Duration;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import th.gfmis.keycloak.core.throttle.UserLocks;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;

/**
 * The device API under {@code /realms/{realm}/gfmis-softtoken/}. Server option (Keycloak 26
 * syntax): {@code --spi-realm-restapi-extension--gfmis-softtoken--iat-skew-seconds} (default 60;
 * the jti memory is twice it); {@code ...--api-refusals-per-address} (default 30) and {@code
 * ...--api-refusal-window-minutes} (default 10): refused device API requests allowed per client
 * address ({@link DeviceApiThrottle}).
 */
public class SoftTokenResourceProviderFactory implements RealmResourceProviderFactory {

  private Duration iatSkew = SoftTokenProtocol.DEFAULT_IAT_SKEW;
  private DeviceApiThrottle throttle =
      new DeviceApiThrottle(
          DeviceApiThrottle.DEFAULT_MAX_REFUSALS, DeviceApiThrottle.DEFAULT_WINDOW);

  @Override
  public RealmResourceProvider create(KeycloakSession session) {
    return new SoftTokenResourceProvider(session, iatSkew, throttle);
  }

  @Override
  public void init(Config.Scope config) {
    long seconds =
        config.getLong("iat-skew-seconds", SoftTokenProtocol.DEFAULT_IAT_SKEW.toSeconds());
    if (seconds > 0) {
      iatSkew = Duration.ofSeconds(seconds);
    }
    int refusals =
        config.getInt("api-refusals-per-address", DeviceApiThrottle.DEFAULT_MAX_REFUSALS);
    long minutes =
        config.getLong("api-refusal-window-minutes", DeviceApiThrottle.DEFAULT_WINDOW.toMinutes());
    if (refusals > 0 && minutes > 0 && minutes <= UserLocks.MAX_WINDOW.toMinutes()) {
      throttle = new DeviceApiThrottle(refusals, Duration.ofMinutes(minutes));
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
