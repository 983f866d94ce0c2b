package th.gfmis.keycloak.softtoken.server.state;

import java.time.Duration;
import java.time.Instant;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;

/**
 * Lockout of the Soft Token step: denials and wrong numbers per user in a window. Keycloak's
 * brute-force protector counts only password and OTP failures, so this factor keeps its own count
 * (cluster-wide, in the single-use store, through core's {@link AttemptLimiter}).
 */
public final class SoftTokenLockout {

  private final SingleUseObjectProvider store;
  private final RealmModel realm;

  public SoftTokenLockout(SingleUseObjectProvider store, RealmModel realm) {
    this.store = store;
    this.realm = realm;
  }

  /** How long the user's Soft Token step stays blocked; zero when open. */
  public Duration blockedFor(String userId, int maxFailures, Duration window, Instant now) {
    return new AttemptLimiter(store, maxFailures, window).blockedFor(key(userId), now);
  }

  public void recordFailure(String userId, int maxFailures, Duration window, Instant now) {
    new AttemptLimiter(store, maxFailures, window).recordFailure(key(userId), now);
  }

  public void reset(String userId) {
    store.remove(key(userId));
  }

  private String key(String userId) {
    return "gfmis-st-fail:" + realm.getId() + ":" + userId;
  }
}
