package th.gfmis.keycloak.softtoken.server.login;

import java.time.Instant;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenUrls;

/**
 * The URL a waiting page polls: {@code .../realms/{realm}/gfmis-softtoken/browser-status/{h}}, with
 * {@code ?until=} (epoch seconds) when the handle has no record before its outcome.
 */
public final class BrowserStatusUrl {

  /** Query parameter: when the page's wait ends, in epoch seconds. */
  public static final String UNTIL = "until";

  private BrowserStatusUrl() {}

  /**
   * For a page whose handle has no record until the outcome: ready at {@code until} at the latest.
   */
  public static String of(KeycloakSession session, RealmModel realm, String handle, Instant until) {
    return of(session, realm, handle) + "?" + UNTIL + "=" + until.getEpochSecond();
  }

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
