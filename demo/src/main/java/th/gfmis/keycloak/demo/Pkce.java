package th.gfmis.keycloak.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Proof Key for Code Exchange (RFC 7636) with the S256 method, and the random values of a login.
 */
final class Pkce {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private Pkce() {}

  /**
   * A fresh random value, base64url without padding: 32 bytes give 43 characters, a valid code
   * verifier (RFC 7636 section 4.1) and a good state or nonce.
   */
  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return BASE64URL.encodeToString(bytes);
  }

  /** {@code BASE64URL(SHA256(ASCII(verifier)))}, RFC 7636 section 4.2. */
  static String challenge(String verifier) {
    if (!verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
      throw new IllegalArgumentException("not a PKCE code verifier");
    }
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return BASE64URL.encodeToString(sha256.digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
