package th.gfmis.keycloak.softtoken.server.push;

import com.interaso.webpush.CryptoKt;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import th.gfmis.keycloak.softtoken.protocol.Base64Urls;

/** The realm's VAPID keys, through Keycloak's key manager (created on first use). */
public final class VapidKeys {

  /** Algorithm label of the VAPID keys: no token signer ever asks for it. */
  public static final String ALGORITHM = "GFMIS-SOFTTOKEN-VAPID";

  private VapidKeys() {}

  /**
   * The active key pair of the realm.
   *
   * @param session the session
   * @param realm the realm
   * @return the pair; its public key in the form devices subscribe with
   */
  public static Active active(KeycloakSession session, RealmModel realm) {
    KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, ALGORITHM);
    return new Active(key.getKid(), (ECPrivateKey) key.getPrivateKey());
  }

  /** The uncompressed point {@code 04 ‖ X ‖ Y} of a P-256 public key (65 bytes). */
  static byte[] uncompressed(ECPublicKey key) {
    return CryptoKt.getUncompressedBytes(key);
  }

  /**
   * Checks a stored public key and returns it as it was.
   *
   * @param base64Url an uncompressed P-256 point, base64url
   * @return the same text
   * @throws IllegalArgumentException when it is not a P-256 point
   */
  static String publicPoint(String base64Url) {
    CryptoKt.generatePublicKeyFromUncompressedBytes(Base64Urls.decode(base64Url));
    return base64Url;
  }

  /**
   * The realm's active VAPID key.
   *
   * @param applicationServerKey the public key, uncompressed point, base64url (the {@code k} of the
   *     VAPID header and the app's {@code applicationServerKey})
   * @param privateKey the private key
   */
  public record Active(String applicationServerKey, ECPrivateKey privateKey) {

    /** The public key as a Java key. */
    public ECPublicKey publicKey() {
      return CryptoKt.generatePublicKeyFromUncompressedBytes(
          Base64Urls.decode(applicationServerKey));
    }
  }
}
