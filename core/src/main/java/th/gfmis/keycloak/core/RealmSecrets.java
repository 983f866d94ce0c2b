package th.gfmis.keycloak.core;

import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import th.gfmis.keycloak.domain.KeyedHash;

/**
 * Keyed hashes under the realm's own HMAC key (the {@code hmac-generated} HS512 key every realm
 * has). For short-lived secrets such as OTPs: the key id is kept beside the hash, so an operator
 * may rotate the key while codes are in flight.
 */
public final class RealmSecrets {

  private RealmSecrets() {}

  /** The key id and hasher of the realm's active HMAC key. */
  public static Keyed active(KeycloakSession session, RealmModel realm) {
    KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, Algorithm.HS512);
    return new Keyed(key.getKid(), new KeyedHash(key.getSecretKey().getEncoded()));
  }

  /** The hasher of the realm's HMAC key {@code kid}, or null when that key is gone. */
  public static KeyedHash byKid(KeycloakSession session, RealmModel realm, String kid) {
    KeyWrapper key = session.keys().getKey(realm, kid, KeyUse.SIG, Algorithm.HS512);
    return key == null ? null : new KeyedHash(key.getSecretKey().getEncoded());
  }

  /** A hasher together with the id of the key it uses. */
  public record Keyed(String kid, KeyedHash hasher) {}
}
