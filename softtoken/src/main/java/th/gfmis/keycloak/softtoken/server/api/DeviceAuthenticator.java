package th.gfmis.keycloak.softtoken.server.api;

import java.time.Duration;
import java.time.Instant;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import th.gfmis.keycloak.softtoken.protocol.DeviceAuth;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenError;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenUrls;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenDevices;

/**
 * Checks {@code Authorization: SoftToken <jws>} ({@link DeviceAuth#verify}) against the server's
 * own public URL of the endpoint (from Keycloak's frontend URL, never from request headers the
 * client controls), then makes the jti single use per device, cluster-wide.
 */
final class DeviceAuthenticator {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final Duration iatSkew;

  DeviceAuthenticator(KeycloakSession session, RealmModel realm, Duration iatSkew) {
    this.session = session;
    this.realm = realm;
    this.iatSkew = iatSkew;
  }

  Duration iatSkew() {
    return iatSkew;
  }

  SoftTokenDevices.Device authenticate(
      String method, String path, String authorization, Instant now)
      throws SoftTokenProtocolException {
    SoftTokenDevices devices = new SoftTokenDevices(session, realm);
    SoftTokenDevices.Device[] found = new SoftTokenDevices.Device[1];
    DeviceAuth.Verified verified =
        DeviceAuth.verify(
            authorization,
            method,
            endpointUrl(path),
            now,
            iatSkew,
            kid -> {
              found[0] = devices.find(kid);
              return found[0].certificate();
            });
    long jtiTtl = Math.max(SoftTokenProtocol.DEFAULT_JTI_TTL.toSeconds(), 2 * iatSkew.toSeconds());
    if (!session
        .singleUseObjects()
        .putIfAbsent(realm.getId() + ":" + verified.replayKey(), jtiTtl)) {
      throw new SoftTokenProtocolException(
          SoftTokenError.REPLAYED, "This device authorization (jti) was already used.");
    }
    return found[0];
  }

  /** {@code {frontend}/realms/{realm}/gfmis-softtoken/{path}}. */
  private String endpointUrl(String path) {
    String base = session.getContext().getUri().getBaseUri().toString();
    if (!base.endsWith("/")) {
      base += "/";
    }
    return base
        + "realms/"
        + SoftTokenUrls.encodePathSegment(realm.getName())
        + "/"
        + SoftTokenProtocol.PROVIDER_ID
        + "/"
        + path;
  }
}
