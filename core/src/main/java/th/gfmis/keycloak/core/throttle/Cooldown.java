package th.gfmis.keycloak.core.throttle;

import java.time.Duration;
import java.time.Instant;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * A per-key quiet period (for example between two OTP e-mails), atomic cluster-wide: starting it is
 * a single {@code putIfAbsent}, so of many parallel requests exactly one gets to act.
 */
public class Cooldown {

  private final SingleUseObjectProvider store;

  public Cooldown(SingleUseObjectProvider store) {
    this.store = store;
  }

  /**
   * Starts the quiet period of {@code length} (at least a second) unless one is running. The caller
   * acts only when the answer is {@link AttemptLimiter.Attempt#allowed()}, then calls {@code
   * counted()} once it has acted, or {@code succeeded()} to give the period back when it could not
   * act (e.g. the mail server refused the message).
   */
  public AttemptLimiter.Attempt tryStart(String key, Instant now, Duration length) {
    return new AttemptLimiter(store, 1, length).claim(key, now);
  }
}
