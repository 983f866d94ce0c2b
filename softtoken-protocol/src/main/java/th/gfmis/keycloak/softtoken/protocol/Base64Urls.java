package th.gfmis.keycloak.softtoken.protocol;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Strict base64url (RFC 4648 §5) without padding, as used everywhere in the protocol. */
public final class Base64Urls {

  private static final Pattern ALPHABET = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Base64Urls() {}

  /**
   * Encodes without padding.
   *
   * @param bytes the bytes
   * @return base64url text without padding
   */
  public static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /**
   * Whether the text is non-empty and uses only the base64url alphabet (no padding, no spaces).
   *
   * @param text the text, may be null
   * @return true when well formed
   */
  public static boolean isBase64Url(String text) {
    return text != null && ALPHABET.matcher(text).matches();
  }

  /**
   * Decodes strictly: only the base64url alphabet, no padding, and canonical (re-encoding gives the
   * same text, so unused trailing bits are zero).
   *
   * @param text the text
   * @return the bytes
   * @throws IllegalArgumentException when the text is not canonical base64url
   */
  public static byte[] decode(String text) {
    if (!isBase64Url(text)) {
      throw new IllegalArgumentException("not base64url without padding");
    }
    byte[] bytes = DECODER.decode(text);
    if (!encode(bytes).equals(text)) {
      throw new IllegalArgumentException("not canonical base64url");
    }
    return bytes;
  }

  /**
   * Random bytes, base64url encoded.
   *
   * @param random the source of randomness (a {@link SecureRandom})
   * @param byteCount how many random bytes
   * @return base64url text without padding
   */
  public static String random(SecureRandom random, int byteCount) {
    byte[] bytes = new byte[byteCount];
    random.nextBytes(bytes);
    return encode(bytes);
  }
}
