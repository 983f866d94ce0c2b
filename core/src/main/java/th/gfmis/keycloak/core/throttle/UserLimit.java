package th.gfmis.keycloak.core.throttle;

import java.time.Instant;

/**
 * A limit that counts as one of a user's locks: an {@link AttemptLimiter} on one key whose
 * refusals, and the attempt that fills it, are noted in the user's {@link UserLocks} so that an
 * administrator sees and can clear them.
 */
public final class UserLimit {

  private final AttemptLimiter limiter;
  private final String key;
  private final UserLocks locks;
  private final String kind;
  private final String subject;

  /**
   * @param key the store key (per-user keys contain {@link UserLocks#scope()})
   * @param kind what is limited, shown to administrators
   * @param subject whom it holds back (e.g. the client address), shown to administrators
   */
  public UserLimit(
      AttemptLimiter limiter, String key, UserLocks locks, String kind, String subject) {
    this.limiter = limiter;
    this.key = key;
    this.locks = locks;
    this.kind = kind;
    this.subject = subject;
  }

  public AttemptLimiter.Attempt claim(Instant now) {
    AttemptLimiter.Attempt attempt = limiter.claim(key, now);
    if (!attempt.allowed()) {
      note(attempt);
    }
    return attempt;
  }

  /** The attempt counts; when it filled the limit, the lock is noted. */
  public void counted(AttemptLimiter.Attempt attempt) {
    attempt.counted();
    kept(attempt);
  }

  /**
   * The attempt keeps its slot without noting when the slot frees itself ({@link
   * AttemptLimiter.Attempt#counted} does); when it filled the limit, the lock is noted.
   */
  public void kept(AttemptLimiter.Attempt attempt) {
    if (attempt.exhausted()) {
      note(attempt);
    }
  }

  private void note(AttemptLimiter.Attempt attempt) {
    locks.noteLock(new UserLocks.Lock(kind, subject, attempt.until(), key, limiter.max()));
  }
}
