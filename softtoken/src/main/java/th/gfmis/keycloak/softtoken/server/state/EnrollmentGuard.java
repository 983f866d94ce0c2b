package th.gfmis.keycloak.softtoken.server.state;

import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import th.gfmis.keycloak.core.state.SingleUseStores;

/**
 * One enrollment at a time per user, cluster-wide: a key taken with the single-use store's atomic
 * {@code putIfAbsent} and given back only after the request's transaction has ended, so that the
 * next enrollment of the user sees the devices (and grant) the previous one committed. Should the
 * node die in between, the key lapses after {@value #HOLD_SECONDS} seconds.
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
    String key = SingleUseStores.SOFTTOKEN_ENROLLING.key(realm.getId(), userId);
    SingleUseObjectProvider store = session.singleUseObjects();
    if (!store.putIfAbsent(key, HOLD_SECONDS)) {
      return false;
    }
    session
        .getTransactionManager()
        .enlistAfterCompletion(
            new AbstractKeycloakTransaction() {
              @Override
              protected void commitImpl() {
                store.remove(key);
              }

              @Override
              protected void rollbackImpl() {
                store.remove(key);
              }
            });
    return true;
  }
}
