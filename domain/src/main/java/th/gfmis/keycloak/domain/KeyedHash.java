package th.gfmis.keycloak.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 of a secret under a server key, for secrets at rest that must only ever be matched
 * (citizen IDs, one-time codes). Comparison is constant-time.
 */
public final class KeyedHash {

  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_KEY_BYTES = 16;

  private final byte[] key;

  public KeyedHash(byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException("a hash key needs at least " + MIN_KEY_BYTES + " bytes");
    }
    this.key = key.clone();
  }

  /**
   * Hashes {@code secret} in the given context; the context keeps hashes of one kind of secret from
   * matching another kind.
   */
  public String hash(String context, String secret) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      mac.update(context.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      byte[] digest = mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available", e);
    }
  }

  /** Whether {@code secret} hashes to {@code expectedHash}, compared in constant time. */
  public boolean matches(String context, String secret, String expectedHash) {
    if (expectedHash == null || secret == null) {
      return false;
    }
    byte[] actual = hash(context, secret).getBytes(StandardCharsets.US_ASCII);
    byte[] expected = expectedHash.getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(actual, expected);
  }

  @Override
  public String toString() {
    return "KeyedHash[HmacSHA256]";
  }
}
