package th.gfmis.keycloak.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keyed hashes that name their key, so that the key can be rotated: a stored value reads {@code
 * kid:hash}. New hashes are made under the current key; a stored hash is matched under the key it
 * names. A value without a key id comes from before key ids existed and is tried under every key. A
 * match under any key but the current one is {@link Match#OUTDATED}: the caller re-hashes the
 * secret under the current key while it has it.
 */
public final class KeyedHashRing {

  /** What a key id may hold: short, and never the {@code :} that ends it in a stored value. */
  public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

  private static final char SEPARATOR = ':';

  /** The outcome of matching a secret against a stored value. */
  public enum Match {
    /** The secret matches under the current key. */
    CURRENT,
    /** The secret matches, under an older key or a value without key id: store it again. */
    OUTDATED,
    /** The secret does not match. */
    NO_MATCH,
    /** The value names a key that is no longer configured: nothing can match it. */
    UNKNOWN_KEY
  }

  private final String currentId;
  private final Map<String, KeyedHash> keys;

  /**
   * @param currentId id of the key new hashes are made under
   * @param current that key
   * @param previous older keys by id, for matching only
   */
  public KeyedHashRing(String currentId, KeyedHash current, Map<String, KeyedHash> previous) {
    requireKeyId(currentId);
    Map<String, KeyedHash> all = new LinkedHashMap<>();
    all.put(currentId, current);
    previous.forEach(
        (id, key) -> {
          requireKeyId(id);
          if (all.putIfAbsent(id, key) != null) {
            throw new IllegalArgumentException("key id " + id + " is used twice");
          }
        });
    this.currentId = currentId;
    this.keys = Collections.unmodifiableMap(all);
  }

  public String currentKeyId() {
    return currentId;
  }

  /** {@code secret} hashed under the current key, as {@code kid:hash}. */
  public String hash(String context, String secret) {
    return currentId + SEPARATOR + keys.get(currentId).hash(context, secret);
  }

  /** Whether {@code secret} matches {@code stored}, and under which key; constant-time compares. */
  public Match match(String context, String secret, String stored) {
    if (stored == null || secret == null) {
      return Match.NO_MATCH;
    }
    int separator = stored.indexOf(SEPARATOR);
    if (separator < 0) {
      return matchesUnderAnyKey(context, secret, stored) ? Match.OUTDATED : Match.NO_MATCH;
    }
    KeyedHash key = keys.get(stored.substring(0, separator));
    if (key == null) {
      return Match.UNKNOWN_KEY;
    }
    if (!key.matches(context, secret, stored.substring(separator + 1))) {
      return Match.NO_MATCH;
    }
    return stored.startsWith(currentId + SEPARATOR) ? Match.CURRENT : Match.OUTDATED;
  }

  /** The id of the key a stored value names; empty for a value from before key ids. */
  public static Optional<String> keyIdOf(String stored) {
    if (stored == null) {
      return Optional.empty();
    }
    int separator = stored.indexOf(SEPARATOR);
    return separator < 0 ? Optional.empty() : Optional.of(stored.substring(0, separator));
  }

  private boolean matchesUnderAnyKey(String context, String secret, String stored) {
    boolean matched = false;
    for (KeyedHash key : keys.values()) {
      // No early exit: the time taken does not tell which key matched.
      matched |= key.matches(context, secret, stored);
    }
    return matched;
  }

  private static void requireKeyId(String id) {
    if (id == null || !KEY_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "a key id is 1 to 32 letters, digits, '.', '_' or '-': " + id);
    }
  }

  @Override
  public String toString() {
    return "KeyedHashRing[current=" + currentId + ", keys=" + keys.keySet() + "]";
  }
}
