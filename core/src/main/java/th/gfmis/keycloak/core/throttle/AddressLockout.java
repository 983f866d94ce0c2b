package th.gfmis.keycloak.core.throttle;

import java.time.Duration;
import java.time.Instant;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import th.gfmis.keycloak.core.state.SingleUseStores;

/**
 * Lockout of one sign-in factor for one user <em>from one client address</em>: failures in a
 * window, counted cluster-wide and atomically ({@link AttemptLimiter}) and shown to administrators
 * as one of the user's locks ({@link UserLocks}). Keyed by the address, so that someone who guesses
 * from their own address locks out only themselves, never the holder at another address. A limit
 * that counts every attempt rather than failures (such as new Soft Token challenges) is built the
 * same way and counts with {@link #count}.
 */
public final class AddressLockout {

  private final SingleUseObjectProvider store;
  private final RealmModel realm;
  private final String kind;
  private final SingleUseStores counters;

  /**
   * @param kind what is locked, as administrators see it (docs/lockouts.md lists the kinds)
   * @param counters the store of this factor's counters
   */
  public AddressLockout(
      SingleUseObjectProvider store, RealmModel realm, String kind, SingleUseStores counters) {
    this.store = store;
    this.realm = realm;
    this.kind = kind;
    this.counters = counters;
  }

  /** How long the factor stays blocked for the user from {@code address}; zero when open. */
  public Duration blockedFor(
      String userId, String address, int maxFailures, Duration window, Instant now) {
    return new AttemptLimiter(store, maxFailures, window).blockedFor(key(userId, address), now);
  }

  /**
   * Counts one failure from {@code address}, noting when its slot frees itself, so that a refusal
   * tells exactly how long the lock holds.
   */
  public void recordFailure(
      String userId, String address, int maxFailures, Duration window, Instant now) {
    claimAndKeep(limit(userId, address, maxFailures, window), now, true);
  }

  /**
   * Counts one attempt from {@code address} if the limit has room for it, for a limit of every
   * attempt rather than of failures; the answer says whether it had, and when not, for how long at
   * most the limit holds. The claim is the attempt's only write: its end time is not noted, so a
   * refusal tells the whole window, an upper bound. Such a limit counts every sign-in, and a write
   * less on each is worth more than the exact wait of the few who reach it.
   */
  public AttemptLimiter.Attempt count(
      String userId, String address, int max, Duration window, Instant now) {
    return claimAndKeep(limit(userId, address, max, window), now, false);
  }

  private static AttemptLimiter.Attempt claimAndKeep(
      UserLimit limit, Instant now, boolean noteEndTime) {
    AttemptLimiter.Attempt attempt = limit.claim(now);
    if (!attempt.allowed()) {
      return attempt;
    }
    if (noteEndTime) {
      limit.counted(attempt);
    } else {
      limit.kept(attempt);
    }
    return attempt;
  }

  /**
   * The limit itself, for a check that must hold a slot while it runs: claim before checking, then
   * {@link UserLimit#counted} on failure or {@link AttemptLimiter.Attempt#succeeded()} on success,
   * so that parallel guesses cannot pass the limit.
   */
  public UserLimit limit(String userId, String address, int maxFailures, Duration window) {
    return new UserLimit(
        new AttemptLimiter(store, maxFailures, window),
        key(userId, address),
        new UserLocks(store, realm.getId(), userId),
        kind,
        address == null ? "" : address);
  }

  private String key(String userId, String address) {
    return counters.key(
        new UserLocks(store, realm.getId(), userId).scope(), address == null ? "" : address);
  }
}
