package th.gfmis.keycloak.core.throttle;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.models.SingleUseObjectProvider;
import th.gfmis.keycloak.core.state.SingleUseStores;

/**
 * The locks of one user, so that an administrator can list and clear them although keys in the
 * single-use store cannot be enumerated.
 *
 * <ul>
 *   <li><b>Epoch.</b> Every per-user throttle key contains the user's lock epoch ({@link #scope}).
 *       Clearing writes a new random epoch: every earlier key of the user is then out of use at
 *       once, however many there are and whether or not the index knew them.
 *   <li><b>Index.</b> When a limit of the user becomes full, {@link #noteLock} adds it (kind,
 *       subject such as the client address, end time, store key) to one small record per user and
 *       epoch. The listing reads it. The index is written read-merge-write and is therefore best
 *       effort under races; the epoch makes clearing complete regardless.
 * </ul>
 *
 * Locks that are not the user's alone (a client address over all user IDs) are noted in the index
 * with their store key, so that clearing the user's locks frees them too.
 */
public final class UserLocks {

  /** Longest window a throttle may use; the epoch record outlives it. */
  public static final Duration MAX_WINDOW = Duration.ofDays(1);

  private static final Duration EPOCH_LIFESPAN = Duration.ofDays(7);
  private static final String EPOCH = "epoch";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SingleUseObjectProvider store;
  private final String realmId;
  private final String userId;

  public UserLocks(SingleUseObjectProvider store, String realmId, String userId) {
    this.store = store;
    this.realmId = realmId;
    this.userId = userId;
  }

  /** The part of every per-user key that names the user and the current epoch. */
  public String scope() {
    return realmId + ":" + userId + ":" + epoch();
  }

  /** Records that a limit of this user is full until {@code until}. */
  public void noteLock(Lock lock) {
    String key = indexKey();
    Map<String, String> notes = store.get(key);
    Map<String, String> merged = notes == null ? new HashMap<>() : new HashMap<>(notes);
    merged.put(
        lock.kind() + "|" + lock.subject(),
        lock.until().getEpochSecond() + "|" + lock.storeKey() + "|" + lock.slots());
    long lifespan = 0;
    for (String value : merged.values()) {
      long end = Long.parseLong(value.split("\\|", 2)[0]);
      lifespan = Math.max(lifespan, end - Instant.now().getEpochSecond());
    }
    store.put(key, Math.max(1, Math.min(lifespan, MAX_WINDOW.toSeconds())), merged);
  }

  /** The locks noted in the current epoch that have not ended, soonest end first. */
  public List<Lock> active(Instant now) {
    Map<String, String> notes = store.get(indexKey());
    List<Lock> locks = new ArrayList<>();
    if (notes == null) {
      return locks;
    }
    notes.forEach(
        (name, value) -> {
          String[] kindSubject = name.split("\\|", 2);
          String[] parts = value.split("\\|", 3);
          Instant until = Instant.ofEpochSecond(Long.parseLong(parts[0]));
          if (until.isAfter(now) && parts.length == 3 && kindSubject.length == 2) {
            locks.add(
                new Lock(
                    kindSubject[0], kindSubject[1], until, parts[1], Integer.parseInt(parts[2])));
          }
        });
    locks.sort(Comparator.comparing(Lock::until));
    return locks;
  }

  /** Clears every lock: frees the indexed keys, then starts a new epoch. */
  public List<Lock> clear(Instant now) {
    List<Lock> cleared = active(now);
    for (Lock lock : cleared) {
      for (int slot = 0; slot < lock.slots(); slot++) {
        store.remove(lock.storeKey() + "#" + slot);
      }
    }
    store.remove(indexKey());
    byte[] bytes = new byte[9];
    RANDOM.nextBytes(bytes);
    store.put(
        epochKey(),
        EPOCH_LIFESPAN.toSeconds(),
        Map.of(EPOCH, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
    return cleared;
  }

  private String epoch() {
    Map<String, String> notes = store.get(epochKey());
    return notes == null ? "0" : notes.getOrDefault(EPOCH, "0");
  }

  private String epochKey() {
    return SingleUseStores.USER_LOCK_EPOCH.key(realmId, userId);
  }

  private String indexKey() {
    return SingleUseStores.USER_LOCK_INDEX.key(scope());
  }

  /**
   * One lock.
   *
   * @param kind what is limited, e.g. {@code reset-identify}
   * @param subject whom it holds back, e.g. the client address
   * @param until when it ends by itself
   * @param storeKey the limit's key in the single-use store
   * @param slots the limit's number of slots
   */
  public record Lock(String kind, String subject, Instant until, String storeKey, int slots) {}
}
