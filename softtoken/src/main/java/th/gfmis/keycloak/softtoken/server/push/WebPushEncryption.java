package th.gfmis.keycloak.softtoken.server.push;

import com.interaso.webpush.CryptoKt;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.keycloak.common.crypto.CryptoIntegration;
import th.gfmis.keycloak.softtoken.protocol.ChallengePush;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenCrypto;

/**
 * The body of a Web Push message, encrypted to the subscription's key as RFC 8291 says ({@code
 * aes128gcm} of RFC 8188, one record): a new P-256 key pair and a random salt per message, the ECDH
 * secret with the subscription's key, HKDF-SHA-256 with its auth secret, AES-128-GCM.
 *
 * <p>The two P-256 operations run on Keycloak's BouncyCastle provider (BCFIPS in FIPS mode): with
 * the JDK 17 default (SunEC), as the Web Push library does it, they took about 1.5 ms of processor
 * time per message, with BouncyCastle about 0.35 ms ({@code CryptoBenchmark}). The library still
 * makes the VAPID headers ({@link VapidSigners}).
 */
final class WebPushEncryption {

  /** Salt, record size, key id length, and the 65-byte key. */
  private static final int HEADER_BYTES = 16 + 4 + 1 + 65;

  private static final int RECORD_SIZE = 4096;
  private static final byte LAST_RECORD = 2;

  private WebPushEncryption() {}

  /**
   * Encrypts {@code plaintext} to the subscription.
   *
   * @param subscriptionKey the subscription's {@code p256dh}: an uncompressed P-256 point
   * @param authSecret the subscription's {@code auth}: 16 bytes
   * @throws GeneralSecurityException when the key is not a P-256 point
   */
  static byte[] encrypt(
      byte[] plaintext, byte[] subscriptionKey, byte[] authSecret, SecureRandom random)
      throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", provider());
    generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return encrypt(plaintext, subscriptionKey, authSecret, generator.generateKeyPair(), salt);
  }

  /** The same with a given key pair and salt (RFC 8291's example gives both). */
  static byte[] encrypt(
      byte[] plaintext, byte[] subscriptionKey, byte[] authSecret, KeyPair serverKeys, byte[] salt)
      throws GeneralSecurityException {
    if (plaintext.length > ChallengePush.MAX_PLAINTEXT_BYTES) {
      throw new IllegalArgumentException(
          "a Web Push message holds at most " + ChallengePush.MAX_PLAINTEXT_BYTES + " bytes");
    }
    byte[] serverKey = CryptoKt.getUncompressedBytes((ECPublicKey) serverKeys.getPublic());
    byte[] ecdhSecret;
    try {
      KeyAgreement agreement = KeyAgreement.getInstance("ECDH", provider());
      agreement.init(serverKeys.getPrivate());
      agreement.doPhase(CryptoKt.generatePublicKeyFromUncompressedBytes(subscriptionKey), true);
      ecdhSecret = agreement.generateSecret();
    } catch (RuntimeException e) {
      // BouncyCastle refuses a point off the curve with an IllegalArgumentException.
      throw new GeneralSecurityException("the subscription key is not a P-256 point", e);
    }

    byte[] keyInfo = concat(ascii("WebPush: info\0"), subscriptionKey, serverKey, new byte[] {1});
    byte[] inputKey = hmac(hmac(authSecret, ecdhSecret), keyInfo);
    byte[] pseudoRandomKey = hmac(salt, inputKey);
    byte[] contentKey =
        Arrays.copyOf(
            hmac(pseudoRandomKey, concat(ascii("Content-Encoding: aes128gcm\0"), new byte[] {1})),
            16);
    byte[] nonce =
        Arrays.copyOf(
            hmac(pseudoRandomKey, concat(ascii("Content-Encoding: nonce\0"), new byte[] {1})), 12);

    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(contentKey, "AES"),
        new GCMParameterSpec(128, nonce));
    byte[] ciphertext = cipher.doFinal(concat(plaintext, new byte[] {LAST_RECORD}));

    return ByteBuffer.allocate(HEADER_BYTES + ciphertext.length)
        .put(salt)
        .putInt(RECORD_SIZE)
        .put((byte) serverKey.length)
        .put(serverKey)
        .put(ciphertext)
        .array();
  }

  private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    ByteBuffer buffer = ByteBuffer.allocate(length);
    for (byte[] part : parts) {
      buffer.put(part);
    }
    return buffer.array();
  }

  private static Provider provider() {
    SoftTokenCrypto.ensureInitialized();
    return CryptoIntegration.getProvider().getBouncyCastleProvider();
  }
}
