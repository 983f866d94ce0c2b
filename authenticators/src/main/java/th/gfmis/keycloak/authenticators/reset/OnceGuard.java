package th.gfmis.keycloak.authenticators.reset;

import java.time.Duration;
import java.util.function.Supplier;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Something that must happen at most once per key while the guard lives, such as e-mailing a
 * temporary password for one browser tab (a double click or the back button must not send a
 * second). The first request claims the key with the store's atomic {@code putIfAbsent}; an attempt
 * that fails gives the key back, here and only here, so that the holder can try again.
 */
final class OnceGuard {

  private final SingleUseObjectProvider store;
  private final String key;
  private final Duration lifespan;

  OnceGuard(SingleUseObjectProvider store, String key, Duration lifespan) {
    this.store = store;
    this.key = key;
    this.lifespan = lifespan;
  }

  /**
   * Runs {@code attempt} unless an earlier request claimed the key. The attempt answers its failure
   * (null when it succeeded); on a failure the key is given back and the failure returned. Null
   * when the thing happened, now or earlier.
   */
  <F> F once(Supplier<F> attempt) {
    if (!store.putIfAbsent(key, lifespan.toSeconds())) {
      return null;
    }
    F failure = attempt.get();
    if (failure != null) {
      store.remove(key);
    }
    return failure;
  }
}
