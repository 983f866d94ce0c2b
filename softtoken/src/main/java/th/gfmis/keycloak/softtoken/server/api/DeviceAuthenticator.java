package th.gfmis.keycloak.softtoken.server.api;

import java.time.Duration;
import java.time.Instant;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import th.gfmis.keycloak.softtoken.protocol.DeviceAuth;
import th.gfmis.keycloak.softtoken.protocol.DeviceAuthClaims;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenError;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenUrls;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenDevices;
import th.gfmis.keycloak.softtoken.server.login.BrowserStatusUrl;

/**
 * Checks {@code Authorization: SoftToken <jws>} ({@link DeviceAuth#verify}) against the endpoint's
 * URL under the server base the device enrolled at (recorded in its credential), never under the
 * request's Host header, which the caller chooses when Keycloak has no fixed hostname. Then makes
 * the jti single use per device, cluster-wide.
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
    return authenticateWithClaims(method, path, authorization, now).device();
  }

  /** As {@link #authenticate}, also returning the verified claims (e.g. {@code csh}). */
  Authenticated authenticateWithClaims(
      String method, String path, String authorization, Instant now)
      throws SoftTokenProtocolException {
    SoftTokenDevices devices = new SoftTokenDevices(session, realm);
    SoftTokenDevices.Device[] found = new SoftTokenDevices.Device[1];
    DeviceAuth.Verified verified =
        DeviceAuth.verify(
            authorization,
            method,
            kid -> endpointUrl(enrolledBase(found[0]), path),
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
    return new Authenticated(found[0], verified.claims());
  }

  /**
   * The base the device enrolled at; for devices enrolled before it was recorded, Keycloak's
   * frontend base of this request (the realm's frontend URL or hostname when configured).
   */
  String enrolledBase(SoftTokenDevices.Device device) {
    String recorded = device == null ? null : device.credential().data().server();
    return recorded != null ? recorded : BrowserStatusUrl.serverBase(session);
  }

  /** {@code {base}/realms/{realm}/gfmis-softtoken/{path}}. */
  private String endpointUrl(String base, String path) {
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base
        + "/realms/"
        + SoftTokenUrls.encodePathSegment(realm.getName())
        + "/"
        + SoftTokenProtocol.PROVIDER_ID
        + "/"
        + path;
  }

  /**
   * A device-authenticated request.
   *
   * @param device the user and the device's credential
   * @param claims the verified claims
   */
  record Authenticated(SoftTokenDevices.Device device, DeviceAuthClaims claims) {}
}
