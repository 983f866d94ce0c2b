package th.gfmis.keycloak.core.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Counts failed attempts per key in a fixed window, in Keycloak's single-use object store, so that
 * every node of a cluster sees the same count. The window starts with the first failure.
 */
public class AttemptLimiter {

  private static final String COUNT = "count";
  private static final String WINDOW_END = "windowEnd";

  private final SingleUseObjectProvider store;
  private final int maxFailures;
  private final Duration window;

  public AttemptLimiter(SingleUseObjectProvider store, int maxFailures, Duration window) {
    this.store = store;
    this.maxFailures = maxFailures;
    this.window = window;
  }

  /** How long the key stays blocked; zero when it may try again now. */
  public Duration blockedFor(String key, Instant now) {
    Map<String, String> notes = store.get(key);
    if (notes == null || count(notes) < maxFailures) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(now, windowEnd(notes));
    return left.isNegative() ? Duration.ZERO : left;
  }

  public void recordFailure(String key, Instant now) {
    Map<String, String> notes = store.get(key);
    Instant end = notes == null ? now.plus(window) : windowEnd(notes);
    if (!end.isAfter(now)) {
      end = now.plus(window);
      notes = null;
    }
    int count = notes == null ? 1 : count(notes) + 1;
    long lifespan = Math.max(1, Duration.between(now, end).toSeconds());
    store.put(
        key,
        lifespan,
        Map.of(COUNT, Integer.toString(count), WINDOW_END, Long.toString(end.getEpochSecond())));
  }

  public void reset(String key) {
    store.remove(key);
  }

  private static int count(Map<String, String> notes) {
    return Integer.parseInt(notes.getOrDefault(COUNT, "0"));
  }

  private static Instant windowEnd(Map<String, String> notes) {
    return Instant.ofEpochSecond(Long.parseLong(notes.getOrDefault(WINDOW_END, "0")));
  }
}
