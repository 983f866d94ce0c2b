package th.gfmis.keycloak.authenticators.reset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.core.throttle.UserLimit;

/**
 * Limits that one request must all pass: each is claimed in turn, atomically, before the request
 * runs; when one refuses, those claimed before it are given back, so that a refused request counts
 * nowhere. Once the request has run, it counts in all of them ({@link #counted}) or in none ({@link
 * #givenBack}).
 */
final class ClaimedLimits {

  private final List<UserLimit> limits;
  private final List<AttemptLimiter.Attempt> attempts;
  private final boolean allowed;
  private final Duration blockedFor;

  private ClaimedLimits(
      List<UserLimit> limits,
      List<AttemptLimiter.Attempt> attempts,
      boolean allowed,
      Duration blockedFor) {
    this.limits = limits;
    this.attempts = attempts;
    this.allowed = allowed;
    this.blockedFor = blockedFor;
  }

  /** Claims {@code limits} in order, up to the first that refuses. */
  static ClaimedLimits claim(Instant now, List<UserLimit> limits) {
    List<AttemptLimiter.Attempt> claimed = new ArrayList<>();
    for (UserLimit limit : limits) {
      AttemptLimiter.Attempt attempt = limit.claim(now);
      if (!attempt.allowed()) {
        claimed.forEach(AttemptLimiter.Attempt::succeeded);
        return new ClaimedLimits(List.of(), List.of(), false, attempt.blockedFor());
      }
      claimed.add(attempt);
    }
    return new ClaimedLimits(List.copyOf(limits), claimed, true, Duration.ZERO);
  }

  boolean allowed() {
    return allowed;
  }

  /** Zero when allowed; otherwise how long the refusing limit holds. */
  Duration blockedFor() {
    return blockedFor;
  }

  /** The request counts in every limit (a miss, or a mail that went out). */
  void counted() {
    for (int i = 0; i < attempts.size(); i++) {
      limits.get(i).counted(attempts.get(i));
    }
  }

  /**
   * Runs the request's check; when it throws instead of answering (the database is down, say), the
   * request counts in none ({@link AttemptLimiter.Attempt#giveBackIfUndecided}).
   */
  <T> T giveBackIfUndecided(Supplier<T> check) {
    try {
      return check.get();
    } catch (RuntimeException | Error e) {
      givenBack();
      throw e;
    }
  }

  /** The request counts in none (a match, or a mail that could not be sent). */
  void givenBack() {
    attempts.forEach(AttemptLimiter.Attempt::succeeded);
  }
}
