package th.gfmis.keycloak.softtoken.server.login;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenUrls;

/** The URL a waiting page polls: {@code .../realms/{realm}/gfmis-softtoken/browser-status/{h}}. */
public final class BrowserStatusUrl {

  private BrowserStatusUrl() {}

  public static String of(KeycloakSession session, RealmModel realm, String handle) {
    return serverBase(session)
        + "/realms/"
        + SoftTokenUrls.encodePathSegment(realm.getName())
        + "/"
        + SoftTokenProtocol.PROVIDER_ID
        + "/browser-status/"
        + handle;
  }

  /** The server's frontend base URL, without trailing slash. */
  public static String serverBase(KeycloakSession session) {
    String base = session.getContext().getUri().getBaseUri().toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base;
  }
}
