package th.gfmis.keycloak.benchmark;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Authorization code + PKCE (S256) pieces for the benchmark's and the load test's client. */
public final class Pkce {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Pkce() {}

  public static String verifier() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The {@code code} parameter of the redirect URI Keycloak sent the browser to. */
  public static String code(String callback) {
    String query = URI.create(callback).getRawQuery();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      if (pair.startsWith("code=")) {
        return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
      }
    }
    throw new IllegalStateException("no code in the redirect " + callback);
  }
}
