package th.gfmis.keycloak.softtoken.server.state;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import th.gfmis.keycloak.core.state.SingleUseStores;
import th.gfmis.keycloak.softtoken.protocol.ActivationCodes;

/**
 * Activation codes of "Get Certificate": 256 random bits, stored only as {@code
 * ActivationCodes.hash(code)} in the cluster-wide single-use store with the configured lifetime,
 * bound to one user and to the reason it was issued for (checked again when the device enrolls),
 * and removed atomically by the first enrollment that uses them.
 */
public final class Activations {

  private static final String USER = "user";
  private static final String CERT_DAYS = "certDays";
  private static final String POLL = "poll";
  private static final String EXPIRES = "expires";
  private static final String BASIS = "basis";

  private final SingleUseObjectProvider store;
  private final RealmModel realm;

  public Activations(SingleUseObjectProvider store, RealmModel realm) {
    this.store = store;
    this.realm = realm;
  }

  /**
   * Issues a code; returns the code (shown once, in the QR code) and its hash.
   *
   * @param basis why the user may enroll, in its stored form
   */
  public Issued issue(
      SecureRandom random,
      String userId,
      String basis,
      Duration ttl,
      Duration certificateLifetime,
      String pollHandle,
      Instant now) {
    String code = ActivationCodes.generate(random);
    String hash = ActivationCodes.hash(code);
    store.put(
        key(hash),
        Math.max(1, ttl.toSeconds()),
        Map.of(
            USER,
            userId,
            CERT_DAYS,
            Long.toString(certificateLifetime.toDays()),
            POLL,
            pollHandle,
            EXPIRES,
            Long.toString(now.plus(ttl).getEpochSecond()),
            BASIS,
            basis));
    return new Issued(code, hash);
  }

  /**
   * Consumes a code atomically (cluster-wide single use).
   *
   * @return the activation, or null when unknown, used or expired
   */
  public Activation consume(String code, Instant now) {
    Map<String, String> notes = store.remove(key(ActivationCodes.hash(code)));
    if (notes == null) {
      return null;
    }
    Instant expires = Instant.ofEpochSecond(Long.parseLong(notes.getOrDefault(EXPIRES, "0")));
    if (!now.isBefore(expires)) {
      return null;
    }
    return new Activation(
        notes.get(USER),
        Duration.ofDays(Long.parseLong(notes.getOrDefault(CERT_DAYS, "730"))),
        notes.get(POLL),
        notes.get(BASIS));
  }

  /**
   * Whether a code is live (issued, unused, unexpired), without consuming it: a cheap look-up by
   * hash that lets the device API refuse unknown codes before any signature check.
   */
  public boolean isLive(String code, Instant now) {
    Map<String, String> notes = store.get(key(ActivationCodes.hash(code)));
    return notes != null
        && now.isBefore(Instant.ofEpochSecond(Long.parseLong(notes.getOrDefault(EXPIRES, "0"))));
  }

  /** Withdraws a code that the page no longer shows. */
  public void withdraw(String hash) {
    if (hash != null) {
      store.remove(key(hash));
    }
  }

  private String key(String hash) {
    return SingleUseStores.SOFTTOKEN_ACTIVATIONS.key(realm.getId(), hash);
  }

  /**
   * A new code.
   *
   * @param code the code (never stored)
   * @param hash what is stored
   */
  public record Issued(String code, String hash) {}

  /**
   * A consumed code.
   *
   * @param userId the user it was issued to
   * @param certificateLifetime validity of the certificate to issue
   * @param pollHandle the page waiting for the enrollment
   * @param basis why the user was allowed a code, in its stored form (null for codes of an older
   *     release, which are refused)
   */
  public record Activation(
      String userId, Duration certificateLifetime, String pollHandle, String basis) {}
}
