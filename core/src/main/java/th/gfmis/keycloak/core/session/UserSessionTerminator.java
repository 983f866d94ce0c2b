package th.gfmis.keycloak.core.session;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import th.gfmis.keycloak.core.events.GfmisEvents;

/**
 * Ends a user's sessions and revokes their offline tokens after their password was set, as
 * Keycloak's own password update does: each session is logged out through the back channel (its
 * clients are told, its cookie expires, its refresh tokens stop working) and leaves a {@link
 * EventType#LOGOUT} event. Offline sessions are always revoked, whatever the logout features.
 */
public final class UserSessionTerminator {

  private final KeycloakSession session;
  private final RealmModel realm;

  public UserSessionTerminator(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  /** How many sessions of each kind were ended. */
  public record Ended(int sessions, int offlineSessions) {

    /** Adds the two counts (and nothing about the user) to an event. */
    public EventBuilder addTo(EventBuilder event) {
      return event
          .detail(GfmisEvents.SESSIONS_ENDED, Integer.toString(sessions))
          .detail(GfmisEvents.OFFLINE_SESSIONS_ENDED, Integer.toString(offlineSessions));
    }
  }

  /**
   * Ends every session and offline session of {@code user} except the one with id {@code keptId}
   * (the session of the browser that set the password; null keeps none).
   *
   * @param logoutEvent the event each ended session is recorded with, as type LOGOUT; the caller
   *     sets the detail that says why
   */
  public Ended endAllExcept(UserModel user, String keptId, EventBuilder logoutEvent) {
    return endWhere(user, s -> !Objects.equals(s.getId(), keptId), logoutEvent);
  }

  /**
   * Ends the sessions and offline sessions of {@code user} that {@code which} selects.
   *
   * @param logoutEvent as for {@link #endAllExcept}
   */
  public Ended endWhere(
      UserModel user, Predicate<UserSessionModel> which, EventBuilder logoutEvent) {
    // Collected first: a back-channel logout removes the session from the stream's source.
    List<UserSessionModel> online =
        selected(session.sessions().getUserSessionsStream(realm, user), which);
    online.forEach(s -> end(s, logoutEvent));
    List<UserSessionModel> offline =
        selected(session.sessions().getOfflineUserSessionsStream(realm, user), which);
    offline.forEach(s -> end(s, logoutEvent));
    return new Ended(online.size(), offline.size());
  }

  private static List<UserSessionModel> selected(
      Stream<UserSessionModel> sessions, Predicate<UserSessionModel> which) {
    return sessions.filter(which).toList();
  }

  private void end(UserSessionModel userSession, EventBuilder logoutEvent) {
    AuthenticationManager.backchannelLogout(
        session,
        realm,
        userSession,
        session.getContext().getUri(),
        session.getContext().getConnection(),
        session.getContext().getRequestHeaders(),
        true);
    logoutEvent
        .clone()
        .event(EventType.LOGOUT)
        .session(userSession)
        .user(userSession.getUser())
        .success();
  }
}
