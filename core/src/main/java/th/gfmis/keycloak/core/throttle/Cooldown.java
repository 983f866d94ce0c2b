package th.gfmis.keycloak.core.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * A per-key quiet period (for example between two OTP e-mails to one user), kept in Keycloak's
 * single-use object store so that it holds across browsers and cluster nodes.
 */
public class Cooldown {

  private static final String UNTIL = "until";

  private final SingleUseObjectProvider store;

  public Cooldown(SingleUseObjectProvider store) {
    this.store = store;
  }

  /** Time left before {@code key} may act again; zero when it may act now. */
  public Duration remaining(String key, Instant now) {
    Map<String, String> notes = store.get(key);
    if (notes == null) {
      return Duration.ZERO;
    }
    Duration left =
        Duration.between(
            now, Instant.ofEpochSecond(Long.parseLong(notes.getOrDefault(UNTIL, "0"))));
    return left.isNegative() ? Duration.ZERO : left;
  }

  public void start(String key, Instant now, Duration length) {
    if (length.isZero() || length.isNegative()) {
      return;
    }
    store.put(
        key, length.toSeconds(), Map.of(UNTIL, Long.toString(now.plus(length).getEpochSecond())));
  }
}
