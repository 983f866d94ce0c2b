package th.gfmis.keycloak.softtoken.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Activation codes: 32 random bytes, base64url without padding (43 characters), single use, short
 * lived, and stored by the server only as {@link #hash(String)}.
 */
public final class ActivationCodes {

  /** Length in characters of a well-formed code. */
  public static final int LENGTH = 43;

  private ActivationCodes() {}

  /**
   * A new code.
   *
   * @param random a {@link SecureRandom}
   * @return 43 base64url characters
   */
  public static String generate(SecureRandom random) {
    return Base64Urls.random(random, SoftTokenProtocol.ACTIVATION_CODE_BYTES);
  }

  /**
   * Whether the text has the form of a code (43 canonical base64url characters = 32 bytes).
   *
   * @param code the text, may be null
   * @return true when well formed
   */
  public static boolean isWellFormed(String code) {
    if (code == null || code.length() != LENGTH) {
      return false;
    }
    try {
      return Base64Urls.decode(code).length == SoftTokenProtocol.ACTIVATION_CODE_BYTES;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * What the server stores and looks codes up by: SHA-256 of the code's ASCII, base64url. A code
   * carries 256 random bits, so an unsalted fast hash is enough; the stored value cannot be used as
   * a code.
   *
   * @param code the code
   * @return 43 base64url characters
   */
  public static String hash(String code) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return Base64Urls.encode(sha256.digest(code.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /**
   * Constant-time comparison of a presented code with a stored hash.
   *
   * @param code the presented code
   * @param storedHash the stored {@link #hash(String)}
   * @return true when they match
   */
  public static boolean matches(String code, String storedHash) {
    if (code == null || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(
        hash(code).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
