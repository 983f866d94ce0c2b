package th.gfmis.keycloak.softtoken.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * Body of {@code POST device/push}: the browser's {@code PushSubscription.toJSON()} (members other
 * than {@code endpoint} and {@code keys} are ignored). Checked for form only here; which endpoint
 * hosts the server sends to is the server's rule.
 *
 * @param endpoint the push service URL of the subscription (RFC 8030)
 * @param keys the subscription's encryption keys (RFC 8291)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushSubscriptionRequest(String endpoint, Keys keys) {

  /** Longest endpoint accepted. Push services use a few hundred characters. */
  public static final int MAX_ENDPOINT_LENGTH = 1024;

  /** Length of the user agent's P-256 public key, uncompressed (0x04 ‖ X ‖ Y). */
  public static final int P256DH_BYTES = 65;

  /** Length of the authentication secret (RFC 8291 §3.2). */
  public static final int AUTH_BYTES = 16;

  private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");

  /**
   * The subscription's keys.
   *
   * @param p256dh the user agent's ECDH public key, uncompressed P-256 point, base64url
   * @param auth the 16-byte authentication secret, base64url
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Keys(String p256dh, String auth) {}

  /**
   * Checks the form: an absolute {@code https} or {@code http} URL with a host, without user
   * information or fragment; {@code p256dh} a valid point on P-256; {@code auth} 16 bytes.
   *
   * @throws SoftTokenProtocolException {@code invalid_request}
   */
  public void validate() throws SoftTokenProtocolException {
    endpointUri();
    if (keys == null) {
      throw Checks.invalid("Missing keys.");
    }
    p256dhBytes();
    authBytes();
  }

  /**
   * The endpoint as a URI.
   *
   * @return the endpoint
   * @throws SoftTokenProtocolException {@code invalid_request} when not a usable push endpoint URL
   */
  public URI endpointUri() throws SoftTokenProtocolException {
    Checks.requireText(endpoint, "endpoint", MAX_ENDPOINT_LENGTH);
    URI uri;
    try {
      uri = new URI(endpoint);
    } catch (URISyntaxException e) {
      throw Checks.invalid("endpoint is not a URL.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute()
        || !(scheme.equals("https") || scheme.equals("http"))
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawFragment() != null) {
      throw Checks.invalid("endpoint must be an absolute https URL with a host.");
    }
    return uri;
  }

  /**
   * The user agent's public key.
   *
   * @return 65 bytes, a point on P-256
   * @throws SoftTokenProtocolException {@code invalid_request}
   */
  public byte[] p256dhBytes() throws SoftTokenProtocolException {
    byte[] bytes = decode(keys == null ? null : keys.p256dh(), "keys.p256dh", P256DH_BYTES);
    if (bytes[0] != 0x04) {
      throw Checks.invalid("keys.p256dh must be an uncompressed P-256 point.");
    }
    try {
      if (!P256.getCurve().decodePoint(bytes).isValid()) {
        throw Checks.invalid("keys.p256dh is not a point on P-256.");
      }
    } catch (IllegalArgumentException e) {
      throw Checks.invalid("keys.p256dh is not a point on P-256.");
    }
    return bytes;
  }

  /**
   * The authentication secret.
   *
   * @return 16 bytes
   * @throws SoftTokenProtocolException {@code invalid_request}
   */
  public byte[] authBytes() throws SoftTokenProtocolException {
    return decode(keys == null ? null : keys.auth(), "keys.auth", AUTH_BYTES);
  }

  private static byte[] decode(String text, String name, int length)
      throws SoftTokenProtocolException {
    // Checked before decoding, so an oversized value costs nothing. Padding is tolerated.
    Checks.requireText(text, name, (length * 4 + 2) / 3 + 2);
    byte[] bytes;
    try {
      bytes =
          Base64Urls.decode(
              text.endsWith("==")
                  ? text.substring(0, text.length() - 2)
                  : text.endsWith("=") ? text.substring(0, text.length() - 1) : text);
    } catch (IllegalArgumentException e) {
      throw Checks.invalid(name + " is not base64url without padding.");
    }
    if (bytes.length != length) {
      throw Checks.invalid(name + " must be " + length + " bytes.");
    }
    return bytes;
  }
}
