package th.gfmis.keycloak.softtoken.server.api;

import java.time.Duration;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** Hands JAX-RS the device API resource of the current realm. */
public class SoftTokenResourceProvider implements RealmResourceProvider {

  private final KeycloakSession session;
  private final Duration iatSkew;
  private final DeviceApiThrottle throttle;

  SoftTokenResourceProvider(KeycloakSession session, Duration iatSkew, DeviceApiThrottle throttle) {
    this.session = session;
    this.iatSkew = iatSkew;
    this.throttle = throttle;
  }

  @Override
  public Object getResource() {
    return new DeviceApiResource(session, session.getContext().getRealm(), iatSkew, throttle);
  }

  @Override
  public void close() {}
}
