package th.gfmis.keycloak.softtoken.server.credential;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.core.events.GfmisEvents;
import th.gfmis.keycloak.core.session.UserSessionTerminator;

/**
 * The sessions a Soft Token approval opened: the approval step marks the user session with the
 * approving serial ({@value #NOTE_SERIAL}, a user-session note Keycloak copies from the
 * authentication session), and revoking the device, wherever it happens, ends every session so
 * marked, with its offline tokens, so that the Soft Token level does not outlive the device.
 */
public final class SoftTokenSessions {

  /** User-session note: serial of the device that approved the session's Soft Token level. */
  public static final String NOTE_SERIAL = "gfmis-softtoken-serial";

  private SoftTokenSessions() {}

  /** At a successful approval: marks the session being authenticated. */
  public static void markApproved(AuthenticationSessionModel authSession, String serial) {
    authSession.setUserSessionNote(NOTE_SERIAL, serial);
  }

  /**
   * After the user's device was revoked: ends every session and offline session at the Soft Token
   * level.
   */
  public static UserSessionTerminator.Ended endAfterRevocation(
      KeycloakSession session, RealmModel realm, UserModel user) {
    EventBuilder logout =
        new EventBuilder(realm, session, session.getContext().getConnection())
            .detail(Details.REASON, GfmisEvents.Reason.SOFTTOKEN_REVOKED);
    return new UserSessionTerminator(session, realm)
        .endWhere(user, s -> s.getNote(NOTE_SERIAL) != null, logout);
  }
}
