package th.gfmis.keycloak.softtoken.server.state;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import th.gfmis.keycloak.core.state.SingleUseStores;
import th.gfmis.keycloak.softtoken.protocol.NumberMatching;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;

/**
 * Live login challenges in the cluster-wide single-use store, each in one of its user's numbered
 * pending slots (one per browser sign-in; its id names the slot: {@link ChallengeIds}), and the
 * "answered" marks that make every challenge single use ({@link #consume} is an atomic
 * putIfAbsent). A challenge and its slot live until the challenge's expiry plus {@link
 * #AFTER_EXPIRY}; only a withdrawal frees them sooner.
 */
public final class Challenges {

  /** Records are kept this long after expiry, so that a late answer gets challenge_expired. */
  static final Duration AFTER_EXPIRY = Duration.ofMinutes(2);

  /** Pending challenges a user may have at once (each lives for the challenge lifetime). */
  public static final int MAX_PENDING = 20;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SingleUseObjectProvider store;
  private final RealmModel realm;
  private final ChallengeOwners owners;

  Challenges(SingleUseObjectProvider store, RealmModel realm, ChallengeOwners owners) {
    this.store = store;
    this.realm = realm;
    this.owners = owners;
  }

  /** The realm's challenges in the session's single-use store. */
  public static Challenges of(KeycloakSession session, RealmModel realm) {
    return new Challenges(session.singleUseObjects(), realm, ChallengeOwners.of(session, realm));
  }

  /**
   * Stores a new challenge beside the user's other pending ones: it takes one of the user's {@link
   * #MAX_PENDING} pending slots with an atomic putIfAbsent, so that a sign-in from another browser
   * never replaces the holder's, and the device lists them all (number matching tells them apart).
   * Two writes: the slot's claim, then the challenge in it.
   *
   * @param challenge the challenge; its summary's id is ignored, the stored one names its slot
   * @return the stored challenge with its id, or empty when all of the user's pending slots are
   *     taken (nothing was stored)
   */
  public Optional<Challenge> create(Challenge challenge, Instant now) {
    long lifespan =
        Math.max(
            1,
            Duration.between(now, challenge.summary().expiresAt().plus(AFTER_EXPIRY)).toSeconds());
    String owner = owners.of(challenge.userId());
    for (int slot = 0; slot < MAX_PENDING; slot++) {
      String slotKey = slotKey(owner, slot);
      // Read first: a putIfAbsent that finds the slot taken still costs a write to the cluster.
      if (!store.contains(slotKey) && store.putIfAbsent(slotKey, lifespan)) {
        Challenge stored = challenge.stored(ChallengeIds.newId(owner, slot, RANDOM));
        store.put(slotKey, lifespan, stored.toNotes());
        return Optional.of(stored);
      }
    }
    return Optional.empty();
  }

  /** The user's challenges that are neither answered nor expired, oldest first. */
  public List<Challenge> pendingFor(String userId, Instant now) {
    String owner = owners.of(userId);
    List<Challenge> pending = new ArrayList<>();
    for (int slot = 0; slot < MAX_PENDING; slot++) {
      Challenge challenge = Challenge.fromNotes(store.get(slotKey(owner, slot)));
      if (challenge != null
          && challenge.userId().equals(userId)
          && now.isBefore(challenge.summary().expiresAt())
          && !isAnswered(challenge.summary().id())) {
        pending.add(challenge);
      }
    }
    pending.sort(Comparator.comparing(c -> c.summary().createdAt()));
    return pending;
  }

  /** A challenge by id (answered ones too, until they expire: see {@link #isAnswered}), or null. */
  public Challenge get(String id) {
    return ChallengeIds.placeOf(id).map(place -> held(slotKey(place), id)).orElse(null);
  }

  /** Whether the challenge was already answered (while the server remembers it). */
  public boolean isAnswered(String id) {
    return store.contains(answeredKey(id));
  }

  /**
   * Consumes the challenge: true for exactly one caller cluster-wide. The "answered" mark is the
   * only write: it takes the challenge off the device's list ({@link #pendingFor}) and refuses
   * every later answer. The record and its pending slot are left to expire with it, as an
   * unanswered challenge's would. Freeing the slot would cost one more write to every node on every
   * sign-in, for a user who starts more than {@link #MAX_PENDING} sign-ins within a challenge's
   * lifetime, which the challenge throttle already keeps to 10 per address in ten minutes by
   * default.
   */
  public boolean consume(Challenge challenge, Instant now) {
    long lifespan =
        Math.max(
            60,
            Duration.between(now, challenge.summary().expiresAt().plus(AFTER_EXPIRY)).toSeconds());
    return store.putIfAbsent(answeredKey(challenge.summary().id()), lifespan);
  }

  /** Forgets a challenge without answering it (the browser left): its slot is free at once. */
  public void withdraw(String id) {
    ChallengeIds.placeOf(id)
        .map(this::slotKey)
        .filter(slotKey -> held(slotKey, id) != null)
        .ifPresent(store::remove);
  }

  /** The challenge in the slot at {@code slotKey} if its id is {@code id}, else null. */
  private Challenge held(String slotKey, String id) {
    Challenge challenge = Challenge.fromNotes(store.get(slotKey));
    return challenge != null && challenge.summary().id().equals(id) ? challenge : null;
  }

  private String slotKey(ChallengeIds.Place place) {
    return slotKey(place.owner(), place.slot());
  }

  private String slotKey(String owner, int slot) {
    return SingleUseStores.SOFTTOKEN_PENDING_CHALLENGES.key(realm.getId(), owner + "#" + slot);
  }

  private String answeredKey(String id) {
    return SingleUseStores.SOFTTOKEN_ANSWERED_CHALLENGES.key(realm.getId(), id);
  }

  /**
   * One stored challenge.
   *
   * @param userId the user signing in
   * @param summary what the device sees (its id is given when the challenge is stored)
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

    /**
     * The summary as {@code GET challenges} lists it: the stored form (whole seconds, empty text
     * absent), so that a push carries exactly what the device would list.
     */
    public PendingChallenge listed() {
      return fromNotes(toNotes()).summary();
    }

    Challenge stored(String id) {
      PendingChallenge s = summary;
      return new Challenge(
          userId,
          new PendingChallenge(
              id,
              s.nonce(),
              s.clientId(),
              s.clientName(),
              s.createdAt(),
              s.expiresAt(),
              s.browser(),
              s.ipAddress(),
              s.numberChoices(),
              s.numberMatching()),
          displayed,
          pollHandle,
          maxFailures,
          failureWindow);
    }

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
          summary.numberChoices() == null
              ? ""
              : summary.numberChoices().stream()
                  .map(String::valueOf)
                  .collect(Collectors.joining(",")));
      notes.put("matching", summary.mode().wire());
      notes.put("displayed", Integer.toString(displayed));
      notes.put("poll", pollHandle);
      notes.put("maxFailures", Integer.toString(maxFailures));
      notes.put("window", Long.toString(failureWindow.toSeconds()));
      return notes;
    }

    /**
     * The stored challenge, or null for none (an empty slot, or one claimed but not yet filled).
     */
    static Challenge fromNotes(Map<String, String> notes) {
      if (notes == null || notes.get("id") == null) {
        return null;
      }
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
              choices.isEmpty() ? null : choices,
              notes.getOrDefault("matching", NumberMatching.Mode.PICK.wire()));
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
