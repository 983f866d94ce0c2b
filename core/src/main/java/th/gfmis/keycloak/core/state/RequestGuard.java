package th.gfmis.keycloak.core.state;

import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * One request at a time for one thing (a user's enrollment, a user's registration), cluster-wide: a
 * key taken with the single-use store's atomic {@code putIfAbsent} and given back only after the
 * request's transaction has ended, so that the next request sees what the previous one committed.
 * Should the node die in between, the key lapses after {@code holdSeconds}.
 */
public final class RequestGuard {

  private RequestGuard() {}

  /**
   * Takes the guard named by {@code store} and {@code parts} for the rest of this request.
   *
   * @return false when another request holds it
   */
  public static boolean acquire(
      KeycloakSession session, SingleUseStores store, long holdSeconds, String... parts) {
    String key = store.key(parts);
    SingleUseObjectProvider objects = session.singleUseObjects();
    if (!objects.putIfAbsent(key, holdSeconds)) {
      return false;
    }
    session
        .getTransactionManager()
        .enlistAfterCompletion(
            new AbstractKeycloakTransaction() {
              @Override
              protected void commitImpl() {
                objects.remove(key);
              }

              @Override
              protected void rollbackImpl() {
                objects.remove(key);
              }
            });
    return true;
  }
}
