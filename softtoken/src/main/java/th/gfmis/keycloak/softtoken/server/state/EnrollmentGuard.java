package th.gfmis.keycloak.softtoken.server.state;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import th.gfmis.keycloak.core.state.RequestGuard;
import th.gfmis.keycloak.core.state.SingleUseStores;

/**
 * One enrollment at a time per user, cluster-wide ({@link RequestGuard}), so that the next
 * enrollment of the user sees the devices (and grant) the previous one committed. Should the node
 * die in between, the guard lapses after {@value #HOLD_SECONDS} seconds.
 */
public final class EnrollmentGuard {

  static final long HOLD_SECONDS = 30;

  private EnrollmentGuard() {}

  /**
   * Takes the user's guard for the rest of this request.
   *
   * @return false when another enrollment of the user is under way
   */
  public static boolean acquire(KeycloakSession session, RealmModel realm, String userId) {
    return RequestGuard.acquire(
        session, SingleUseStores.SOFTTOKEN_ENROLLING, HOLD_SECONDS, realm.getId(), userId);
  }
}
