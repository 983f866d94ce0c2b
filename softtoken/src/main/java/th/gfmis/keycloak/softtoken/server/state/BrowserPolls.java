package th.gfmis.keycloak.softtoken.server.state;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.keycloak.models.SingleUseObjectProvider;
import th.gfmis.keycloak.core.state.SingleUseStores;
import th.gfmis.keycloak.softtoken.protocol.Base64Urls;

/**
 * What a waiting browser page polls: a random handle (128 bits, known only to that page and the
 * server) and its record, which holds the outcome once the device has acted. Kept in the
 * cluster-wide single-use store; no server thread ever waits for the device.
 *
 * <p>A handle is either {@link #open opened} with a "pending" record that knows when the wait ends
 * (enrollment), or only {@link #newHandle made}, with no record until the outcome, when the page
 * itself knows when its wait ends ({@link #readyWithoutRecord}): one write fewer per sign-in.
 */
public final class BrowserPolls {

  /** Still waiting for the device. */
  public static final String PENDING = "pending";

  private static final String STATE = "state";
  private static final String EXPIRES = "expires";
  private static final String DETAIL = "detail";
  private static final Duration GRACE = Duration.ofMinutes(10);

  private final SingleUseObjectProvider store;

  public BrowserPolls(SingleUseObjectProvider store) {
    this.store = store;
  }

  /** Opens a new pending record that is answerable until {@code expiresAt}. */
  public String open(SecureRandom random, Instant now, Instant expiresAt) {
    String handle = newHandle(random);
    write(handle, new Poll(PENDING, expiresAt, null), now);
    return handle;
  }

  /** A new handle without a record: pending until {@link #complete} or the page's own deadline. */
  public static String newHandle(SecureRandom random) {
    return Base64Urls.random(random, 16);
  }

  /**
   * Whether a page whose handle has no record should move on: once its own deadline has passed, or
   * at once when it has none (its record expired or was forgotten).
   */
  public static boolean readyWithoutRecord(Instant deadline, Instant now) {
    return deadline == null || !now.isBefore(deadline);
  }

  /**
   * Records the outcome (e.g. {@code approved}, {@code enrolled}) with an optional detail. The
   * first outcome is final: a later one (a late copy of an answer, a withdrawal) leaves it as it
   * is.
   */
  public void complete(String handle, String state, String detail, Instant now) {
    Poll current = read(handle);
    if (current != null && !PENDING.equals(current.state())) {
      return;
    }
    Instant expires = current == null ? now : current.expiresAt();
    write(handle, new Poll(state, expires, detail), now);
  }

  /** The record, or null when unknown or forgotten. */
  public Poll read(String handle) {
    if (handle == null || !Base64Urls.isBase64Url(handle)) {
      return null;
    }
    Map<String, String> notes = store.get(key(handle));
    if (notes == null) {
      return null;
    }
    return new Poll(
        notes.getOrDefault(STATE, PENDING),
        Instant.ofEpochSecond(Long.parseLong(notes.getOrDefault(EXPIRES, "0"))),
        notes.get(DETAIL));
  }

  public void forget(String handle) {
    if (handle != null) {
      store.remove(key(handle));
    }
  }

  private void write(String handle, Poll poll, Instant now) {
    Map<String, String> notes = new HashMap<>();
    notes.put(STATE, poll.state());
    notes.put(EXPIRES, Long.toString(poll.expiresAt().getEpochSecond()));
    if (poll.detail() != null) {
      notes.put(DETAIL, poll.detail());
    }
    Instant forgetAt = poll.expiresAt().plus(GRACE);
    long lifespan = Math.max(60, Duration.between(now, forgetAt).toSeconds());
    store.put(key(handle), lifespan, notes);
  }

  /**
   * A poll record.
   *
   * @param state {@link #PENDING} or the outcome
   * @param expiresAt when the device can no longer act
   * @param detail e.g. the enrolled device's name
   */
  public record Poll(String state, Instant expiresAt, String detail) {

    /** Whether the browser should move on: an outcome is there, or the time is over. */
    public boolean ready(Instant now) {
      return !PENDING.equals(state) || !now.isBefore(expiresAt);
    }
  }

  private static String key(String handle) {
    return SingleUseStores.SOFTTOKEN_BROWSER_POLLS.key(handle);
  }
}
