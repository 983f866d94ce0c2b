package th.gfmis.keycloak.softtoken.server.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import th.gfmis.keycloak.softtoken.protocol.Base64Urls;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;

/**
 * Live login challenges in the cluster-wide single-use store: the challenge by id, a pointer from
 * the user to their one live challenge, and the "answered" marks that make every challenge single
 * use ({@link #consume} is an atomic putIfAbsent).
 */
public final class Challenges {

  /** Records are kept this long after expiry, so that a late answer gets challenge_expired. */
  static final Duration AFTER_EXPIRY = Duration.ofMinutes(2);

  private static final String PREFIX = "gfmis-st-ch:";
  private static final String USER_PREFIX = "gfmis-st-ch-user:";
  private static final String ANSWERED_PREFIX = "gfmis-st-ch-done:";

  private final SingleUseObjectProvider store;
  private final RealmModel realm;

  public Challenges(SingleUseObjectProvider store, RealmModel realm) {
    this.store = store;
    this.realm = realm;
  }

  /**
   * Stores a new challenge and makes it the user's only live one; the previous one, if any, is
   * forgotten and its page told so.
   *
   * @return the replaced challenge, or null
   */
  public Challenge create(Challenge challenge, Instant now) {
    Challenge previous = currentFor(challenge.userId());
    if (previous != null) {
      store.remove(key(previous.summary().id()));
    }
    long lifespan =
        Math.max(
            1,
            Duration.between(now, challenge.summary().expiresAt().plus(AFTER_EXPIRY)).toSeconds());
    store.put(key(challenge.summary().id()), lifespan, challenge.toNotes());
    store.put(userKey(challenge.userId()), lifespan, Map.of("id", challenge.summary().id()));
    return previous;
  }

  /** A challenge by id, or null. */
  public Challenge get(String id) {
    if (id == null || !Base64Urls.isBase64Url(id)) {
      return null;
    }
    Map<String, String> notes = store.get(key(id));
    return notes == null ? null : Challenge.fromNotes(notes);
  }

  /** The user's live challenge, or null. */
  public Challenge currentFor(String userId) {
    Map<String, String> pointer = store.get(userKey(userId));
    if (pointer == null) {
      return null;
    }
    Challenge challenge = get(pointer.get("id"));
    return challenge != null && challenge.userId().equals(userId) ? challenge : null;
  }

  /** Whether the challenge was already answered (while the server remembers it). */
  public boolean isAnswered(String id) {
    return store.contains(answeredKey(id));
  }

  /**
   * Consumes the challenge: true for exactly one caller cluster-wide; the challenge is then
   * forgotten.
   */
  public boolean consume(Challenge challenge, Instant now) {
    long lifespan =
        Math.max(
            60,
            Duration.between(now, challenge.summary().expiresAt().plus(AFTER_EXPIRY)).toSeconds());
    if (!store.putIfAbsent(answeredKey(challenge.summary().id()), lifespan)) {
      return false;
    }
    store.remove(key(challenge.summary().id()));
    Map<String, String> pointer = store.get(userKey(challenge.userId()));
    if (pointer != null && challenge.summary().id().equals(pointer.get("id"))) {
      store.remove(userKey(challenge.userId()));
    }
    return true;
  }

  /** Forgets a challenge without answering it (the browser left). */
  public void withdraw(String id) {
    Challenge challenge = get(id);
    if (challenge != null) {
      store.remove(key(id));
      Map<String, String> pointer = store.get(userKey(challenge.userId()));
      if (pointer != null && id.equals(pointer.get("id"))) {
        store.remove(userKey(challenge.userId()));
      }
    }
  }

  private String key(String id) {
    return PREFIX + realm.getId() + ":" + id;
  }

  private String userKey(String userId) {
    return USER_PREFIX + realm.getId() + ":" + userId;
  }

  private String answeredKey(String id) {
    return ANSWERED_PREFIX + realm.getId() + ":" + id;
  }

  /**
   * One stored challenge.
   *
   * @param userId the user signing in
   * @param summary what the device sees
   * @param displayed the number the browser shows
   * @param pollHandle the browser page's poll handle
   * @param maxFailures denials and wrong numbers allowed in the window (lockout)
   * @param failureWindow the lockout window
   */
  public record Challenge(
      String userId,
      PendingChallenge summary,
      int displayed,
      String pollHandle,
      int maxFailures,
      Duration failureWindow) {

    Map<String, String> toNotes() {
      Map<String, String> notes = new HashMap<>();
      notes.put("user", userId);
      notes.put("id", summary.id());
      notes.put("nonce", summary.nonce());
      notes.put("clientId", nullToEmpty(summary.clientId()));
      notes.put("clientName", nullToEmpty(summary.clientName()));
      notes.put("created", Long.toString(summary.createdAt().getEpochSecond()));
      notes.put("expires", Long.toString(summary.expiresAt().getEpochSecond()));
      notes.put("browser", nullToEmpty(summary.browser()));
      notes.put("ip", nullToEmpty(summary.ipAddress()));
      notes.put(
          "choices",
          summary.numberChoices().stream().map(String::valueOf).collect(Collectors.joining(",")));
      notes.put("displayed", Integer.toString(displayed));
      notes.put("poll", pollHandle);
      notes.put("maxFailures", Integer.toString(maxFailures));
      notes.put("window", Long.toString(failureWindow.toSeconds()));
      return notes;
    }

    static Challenge fromNotes(Map<String, String> notes) {
      List<Integer> choices =
          Arrays.stream(notes.getOrDefault("choices", "").split(","))
              .filter(s -> !s.isEmpty())
              .map(Integer::valueOf)
              .toList();
      PendingChallenge summary =
          new PendingChallenge(
              notes.get("id"),
              notes.get("nonce"),
              emptyToNull(notes.get("clientId")),
              emptyToNull(notes.get("clientName")),
              Instant.ofEpochSecond(Long.parseLong(notes.get("created"))),
              Instant.ofEpochSecond(Long.parseLong(notes.get("expires"))),
              emptyToNull(notes.get("browser")),
              emptyToNull(notes.get("ip")),
              choices);
      return new Challenge(
          notes.get("user"),
          summary,
          Integer.parseInt(notes.get("displayed")),
          notes.get("poll"),
          Integer.parseInt(notes.getOrDefault("maxFailures", "5")),
          Duration.ofSeconds(Long.parseLong(notes.getOrDefault("window", "900"))));
    }

    private static String nullToEmpty(String s) {
      return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
      return s == null || s.isEmpty() ? null : s;
    }
  }
}
