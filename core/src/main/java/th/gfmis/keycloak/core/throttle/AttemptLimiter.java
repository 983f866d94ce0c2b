package th.gfmis.keycloak.core.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * At most {@code max} attempts per key in any window of {@code window}, atomic cluster-wide.
 *
 * <p>Each attempt first claims one of {@code max} numbered slots ({@code key#0} .. {@code
 * key#max-1}) with the store's atomic {@code putIfAbsent}, whose lifespan is the window; only then
 * is the attempt evaluated. Taken slots are skipped by a read: in a cluster a read is answered by
 * the node itself, while every {@code putIfAbsent}, even one that finds the slot taken, is a write
 * that goes to the other owners of the key. When every slot is taken the attempt is refused, so
 * parallel requests on any node can never evaluate more than {@code max} attempts. A slot frees
 * itself when its lifespan ends, so the limit is a sliding window: in any interval of {@code
 * window} each slot is claimed at most once. Limits that count failures only give the slot back on
 * success ({@link Attempt#succeeded}); limits that count every attempt keep it ({@link
 * Attempt#counted}).
 */
public class AttemptLimiter {

  private static final String UNTIL = "until";

  private final SingleUseObjectProvider store;
  private final int max;
  private final Duration window;

  public AttemptLimiter(SingleUseObjectProvider store, int max, Duration window) {
    if (max < 1 || window.toSeconds() < 1) {
      throw new IllegalArgumentException("a limit needs at least one attempt and one second");
    }
    this.store = store;
    this.max = max;
    this.window = window;
  }

  /** Claims a slot for one attempt; the answer says whether it may go ahead. */
  public Attempt claim(String key, Instant now) {
    for (int slot = 0; slot < max; slot++) {
      String slotKey = slotKey(key, slot);
      if (!store.contains(slotKey) && store.putIfAbsent(slotKey, window.toSeconds())) {
        return new Attempt(slotKey, slot, Duration.ZERO, slot == max - 1, now);
      }
    }
    return new Attempt(null, -1, blockedFor(key, now), true, now);
  }

  /**
   * How long {@code key} stays blocked (read only): zero while a slot is free, else until the first
   * slot frees itself.
   */
  public Duration blockedFor(String key, Instant now) {
    Duration shortest = null;
    for (int slot = 0; slot < max; slot++) {
      if (!store.contains(slotKey(key, slot))) {
        return Duration.ZERO;
      }
      Duration left = leftOn(slotKey(key, slot), now);
      shortest = shortest == null || left.compareTo(shortest) < 0 ? left : shortest;
    }
    return shortest;
  }

  /** Frees every slot of {@code key}. */
  public void reset(String key) {
    for (int slot = 0; slot < max; slot++) {
      store.remove(slotKey(key, slot));
    }
  }

  public int max() {
    return max;
  }

  private Duration leftOn(String slotKey, Instant now) {
    Map<String, String> notes = store.get(slotKey);
    if (notes == null || notes.get(UNTIL) == null) {
      return window; // claimed by a request still in flight
    }
    Duration left = Duration.between(now, Instant.ofEpochSecond(Long.parseLong(notes.get(UNTIL))));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static String slotKey(String key, int slot) {
    return key + "#" + slot;
  }

  /** One attempt: allowed with a claimed slot, or refused with the time left. */
  public final class Attempt {

    private final String slotKey;
    private final int slot;
    private final Duration blockedFor;
    private final boolean lastSlot;
    private final Instant now;

    private Attempt(String slotKey, int slot, Duration blockedFor, boolean lastSlot, Instant now) {
      this.slotKey = slotKey;
      this.slot = slot;
      this.blockedFor = blockedFor;
      this.lastSlot = lastSlot;
      this.now = now;
    }

    public boolean allowed() {
      return slotKey != null;
    }

    /**
     * Attempts still allowed after this one while the slots taken so far stay taken (0 when this
     * attempt took the last slot or was refused).
     */
    public int remainingAfter() {
      return slot < 0 ? 0 : max - 1 - slot;
    }

    /** Zero when allowed; otherwise how long until a slot frees itself. */
    public Duration blockedFor() {
      return blockedFor;
    }

    /** Whether this attempt took the last free slot or was refused: the key is now blocked. */
    public boolean exhausted() {
      return lastSlot;
    }

    /** When the slot of this attempt frees itself. */
    public Instant until() {
      return allowed() ? now.plus(window) : now.plus(blockedFor);
    }

    /**
     * The attempt counts (a failure, or an attempt of a limit that counts all): keeps the slot and
     * notes when it frees itself, so that a refusal can tell the time left.
     */
    public void counted() {
      if (slotKey != null) {
        store.put(
            slotKey,
            window.toSeconds(),
            Map.of(UNTIL, Long.toString(now.plus(window).getEpochSecond())));
      }
    }

    /** The attempt does not count (a success of a failures-only limit): gives the slot back. */
    public void succeeded() {
      if (slotKey != null) {
        store.remove(slotKey);
      }
    }

    /**
     * Runs the check this attempt was claimed for. When the check throws instead of answering (the
     * database is down, say), the slot is given back: a request that got no answer was no attempt,
     * and must not hold the user back until the window ends. On an answer the caller counts the
     * attempt or gives it back, as before.
     */
    public <T> T giveBackIfUndecided(Supplier<T> check) {
      try {
        return check.get();
      } catch (RuntimeException | Error e) {
        succeeded();
        throw e;
      }
    }
  }
}
