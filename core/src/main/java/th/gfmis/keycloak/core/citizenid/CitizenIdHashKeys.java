package th.gfmis.keycloak.core.citizenid;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import th.gfmis.keycloak.domain.KeyedHash;
import th.gfmis.keycloak.domain.KeyedHashRing;

/**
 * Turns the operator's key options into the keys CIDs are hashed under, or into the reason there
 * are none. Outside development the server needs a real key; only {@code start-dev} without any key
 * falls back to the published demo key. A key that is set but unusable is never replaced by the
 * demo key, in any mode.
 *
 * @param ring the keys, when CIDs may be hashed and matched
 * @param problem why CIDs are refused, when {@code ring} is empty
 * @param warnings what the operator should know though the keys work
 */
public record CitizenIdHashKeys(
    Optional<KeyedHashRing> ring, Optional<String> problem, List<String> warnings) {

  /** The published key of the demo realm; its hashes are in the realm export. */
  public static final String DEMO_KEY = "gfmis-demo-cid-hash-key-not-for-production";

  /** Key id of the demo key when it is the current key. */
  public static final String DEMO_KEY_ID = "demo";

  /** Key id of {@code hash-key} when {@code hash-key-id} is not set. */
  public static final String DEFAULT_KEY_ID = "1";

  static final int MIN_KEY_BYTES = 16;

  /**
   * @param hashKey the current key ({@code hash-key}); may be null
   * @param hashKeyId its id ({@code hash-key-id}); may be null
   * @param previousHashKeys older keys, {@code id:secret,id:secret} ({@code previous-hash-keys});
   *     may be null
   * @param devMode whether the server runs as {@code start-dev}
   */
  public static CitizenIdHashKeys from(
      String hashKey, String hashKeyId, String previousHashKeys, boolean devMode) {
    List<String> warnings = new ArrayList<>();
    String currentId = blank(hashKeyId) ? null : hashKeyId.strip();
    String current = blank(hashKey) ? null : hashKey;
    if (current == null) {
      if (!devMode) {
        return refused("no hash-key is configured");
      }
      warnings.add(
          "no hash-key is configured: start-dev hashes citizen IDs with the published demo key");
      current = DEMO_KEY;
      currentId = currentId == null ? DEMO_KEY_ID : currentId;
    } else if (DEMO_KEY.equals(current)) {
      if (!devMode) {
        return refused("hash-key is the published demo key, which only start-dev accepts");
      }
      warnings.add("hash-key is the published demo key: not for production");
      currentId = currentId == null ? DEMO_KEY_ID : currentId;
    }
    if (currentId == null) {
      currentId = DEFAULT_KEY_ID;
    }
    Optional<String> problem = keyProblem("hash-key", currentId, current);
    if (problem.isPresent()) {
      return refused(problem.get());
    }

    Map<String, KeyedHash> previous = new LinkedHashMap<>();
    if (!blank(previousHashKeys)) {
      for (String entry : previousHashKeys.split(",")) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
          return refused("previous-hash-keys: an entry has no 'id:' in front of its secret");
        }
        String id = entry.substring(0, colon).strip();
        String secret = entry.substring(colon + 1).strip();
        Optional<String> entryProblem = keyProblem("previous-hash-keys", id, secret);
        if (entryProblem.isPresent()) {
          return refused(entryProblem.get());
        }
        if (id.equals(currentId) || previous.containsKey(id)) {
          return refused("previous-hash-keys: key id " + id + " is used twice");
        }
        if (DEMO_KEY.equals(secret) && !devMode) {
          warnings.add(
              "previous-hash-keys holds the published demo key (id "
                  + id
                  + "): its hashes are re-written under the current key as holders use them");
        }
        previous.put(id, new KeyedHash(secret.getBytes(StandardCharsets.UTF_8)));
      }
    }
    KeyedHash currentKey = new KeyedHash(current.getBytes(StandardCharsets.UTF_8));
    return new CitizenIdHashKeys(
        Optional.of(new KeyedHashRing(currentId, currentKey, previous)),
        Optional.empty(),
        List.copyOf(warnings));
  }

  private static Optional<String> keyProblem(String option, String id, String secret) {
    if (!KeyedHashRing.KEY_ID.matcher(id).matches()) {
      return Optional.of(
          option + ": a key id is 1 to 32 letters, digits, '.', '_' or '-' (got '" + id + "')");
    }
    if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
      return Optional.of(
          option + ": the key with id " + id + " is shorter than " + MIN_KEY_BYTES + " bytes");
    }
    return Optional.empty();
  }

  private static CitizenIdHashKeys refused(String problem) {
    return new CitizenIdHashKeys(Optional.empty(), Optional.of(problem), List.of());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
