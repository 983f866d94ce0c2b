package th.gfmis.keycloak.softtoken.server.state;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Names a user's pending slots, and so the first 8 bytes of each of the user's challenge ids
 * ({@link ChallengeIds}): the start of an HMAC-SHA256 of the user's id. The key is derived from the
 * realm's active HMAC key (the {@code HS512} key that also signs its refresh tokens), so that
 * whoever sees challenge ids (an access log of device API addresses, say) cannot tell whose they
 * are from the user's id, which every client gets as {@code sub}.
 *
 * <p>When an administrator rotates that key, challenges made before it are still found and answered
 * by their ids, but no longer listed to the device; they expire within minutes.
 */
final class ChallengeOwners {

  private static final String HMAC = "HmacSHA256";
  private static final int OWNER_BYTES = ChallengeIds.OWNER_BYTES;
  private static final byte[] PURPOSE =
      "gfmis-softtoken pending challenge slots".getBytes(StandardCharsets.UTF_8);

  private final Supplier<byte[]> realmKey;
  private SecretKeySpec key;

  private ChallengeOwners(Supplier<byte[]> realmKey) {
    this.realmKey = realmKey;
  }

  /**
   * Keyed by the realm's active HMAC key, looked up when first needed: answering a challenge finds
   * its slot from its id and needs no key.
   */
  static ChallengeOwners of(KeycloakSession session, RealmModel realm) {
    return lookingUp(
        () -> {
          KeyWrapper active = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
          return active.getSecretKey().getEncoded();
        });
  }

  /** Keyed by what {@code realmKey} gives, asked once, when first needed. */
  static ChallengeOwners lookingUp(Supplier<byte[]> realmKey) {
    return new ChallengeOwners(realmKey);
  }

  /** Keyed by {@code realmKey}. */
  static ChallengeOwners keyedBy(byte[] realmKey) {
    byte[] copy = realmKey.clone();
    return lookingUp(() -> copy);
  }

  /** The name of {@code userId}'s pending slots: 8 bytes in hex. */
  String of(String userId) {
    byte[] mac = mac(key(), userId.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(mac, 0, OWNER_BYTES);
  }

  private SecretKeySpec key() {
    if (key == null) {
      // A key of its own for this one use, not the realm's key itself.
      key = new SecretKeySpec(mac(new SecretKeySpec(realmKey.get(), HMAC), PURPOSE), HMAC);
    }
    return key;
  }

  private static byte[] mac(SecretKeySpec key, byte[] message) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has " + HMAC, e);
    }
  }
}
