package th.gfmis.keycloak.softtoken.server.state;

import java.util.HexFormat;
import java.util.function.Supplier;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import th.gfmis.keycloak.domain.KeyedHash;
import th.gfmis.keycloak.softtoken.protocol.Base64Urls;

/**
 * Names a user's pending slots, and so the first 8 bytes of each of the user's challenge ids
 * ({@link ChallengeIds}): the start of a {@link KeyedHash} of the user's id under the realm's
 * active HMAC key (the {@code HS512} key that also signs its refresh tokens), so that whoever sees
 * challenge ids (an access log of device API addresses, say) cannot tell whose they are from the
 * user's id, which every client gets as {@code sub}.
 *
 * <p>When an administrator rotates that key, challenges made before it are still found and answered
 * by their ids, but no longer listed to the device; they expire within minutes.
 */
final class ChallengeOwners {

  private static final String CONTEXT = "gfmis-softtoken pending challenge slots";

  private final Supplier<byte[]> realmKey;
  private KeyedHash hash;

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
    if (hash == null) {
      hash = new KeyedHash(realmKey.get());
    }
    byte[] digest = Base64Urls.decode(hash.hash(CONTEXT, userId));
    return HexFormat.of().formatHex(digest, 0, ChallengeIds.OWNER_BYTES);
  }
}
