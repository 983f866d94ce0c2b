package th.gfmis.keycloak.softtoken.server.state;

import java.time.Duration;
import java.time.Instant;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.core.throttle.UserLimit;
import th.gfmis.keycloak.core.throttle.UserLocks;

/**
 * Lockout of the Soft Token step for one user <em>from one client address</em>: denials and wrong
 * numbers of the challenges that address started, in a window. Keyed by the address, so that
 * someone who has the password and keeps starting sign-ins that the holder denies locks out only
 * themselves, never the holder at another address. Keycloak's brute-force protector counts only
 * password and OTP failures, so this factor keeps its own count (cluster-wide, atomic, through
 * core's {@link AttemptLimiter}).
 */
public final class SoftTokenLockout {

  public static final String KIND = "softtoken-lockout";

  private final SingleUseObjectProvider store;
  private final RealmModel realm;

  public SoftTokenLockout(SingleUseObjectProvider store, RealmModel realm) {
    this.store = store;
    this.realm = realm;
  }

  /** How long the user's Soft Token step stays blocked from {@code address}; zero when open. */
  public Duration blockedFor(
      String userId, String address, int maxFailures, Duration window, Instant now) {
    return new AttemptLimiter(store, maxFailures, window).blockedFor(key(userId, address), now);
  }

  /** Counts one denial or wrong number of a challenge started from {@code address}. */
  public void recordFailure(
      String userId, String address, int maxFailures, Duration window, Instant now) {
    UserLimit limit = limit(userId, address, maxFailures, window);
    AttemptLimiter.Attempt attempt = limit.claim(now);
    if (attempt.allowed()) {
      limit.counted(attempt);
    }
  }

  private UserLimit limit(String userId, String address, int maxFailures, Duration window) {
    return new UserLimit(
        new AttemptLimiter(store, maxFailures, window),
        key(userId, address),
        new UserLocks(store, realm.getId(), userId),
        KIND,
        address);
  }

  private String key(String userId, String address) {
    return "gfmis-st-fail:"
        + new UserLocks(store, realm.getId(), userId).scope()
        + ":"
        + (address == null ? "" : address);
  }
}
