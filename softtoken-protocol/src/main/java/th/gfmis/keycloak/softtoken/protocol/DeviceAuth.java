package th.gfmis.keycloak.softtoken.protocol;

import java.net.URI;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Device-authenticated requests ({@code GET challenges}, {@code GET device}, {@code POST
 * device/revoke}): header {@code Authorization: SoftToken <compact JWS>}, JWS typ {@code
 * gfmis-device-auth+jwt}, payload {@link DeviceAuthClaims} binding the method, the URL, the time
 * and a unique id.
 */
public final class DeviceAuth {

  private static final Pattern HEADER =
      Pattern.compile("(?i)" + SoftTokenProtocol.AUTH_SCHEME + " +([A-Za-z0-9_.-]+)");
  private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
  private static final int MAX_JTI_LENGTH = 128;

  private DeviceAuth() {}

  /**
   * Device side: the value of the Authorization header for one request.
   *
   * @param method the HTTP method, e.g. {@code GET}
   * @param url the full request URL (its query, if any, is dropped from {@code htu})
   * @param kid the device certificate serial, lowercase hex
   * @param key the device's private key
   * @param now the current time
   * @param random a {@link SecureRandom} for the jti
   * @return {@code SoftToken <jws>}
   */
  public static String authorizationHeader(
      String method, URI url, String kid, PrivateKey key, Instant now, SecureRandom random) {
    return authorizationHeader(method, url, kid, key, now, random, null);
  }

  /**
   * Device side: the Authorization header of a request that carries a CSR ({@code POST
   * device/renew}), with the claim {@code csh} binding that CSR to this signature.
   *
   * @param method the HTTP method
   * @param url the full request URL
   * @param kid the device certificate serial
   * @param key the device's current private key
   * @param now the current time
   * @param random a {@link SecureRandom} for the jti
   * @param csh {@link CertificateRenewal#csrHash(String)} of the body's CSR, or null
   * @return {@code SoftToken <jws>}
   */
  public static String authorizationHeader(
      String method,
      URI url,
      String kid,
      PrivateKey key,
      Instant now,
      SecureRandom random,
      String csh) {
    String htu = SoftTokenUrls.normalizeHtu(url.toString());
    DeviceAuthClaims claims =
        new DeviceAuthClaims(
            method.toUpperCase(Locale.ROOT),
            htu,
            now.getEpochSecond(),
            Base64Urls.random(random, SoftTokenProtocol.MIN_JTI_BYTES),
            csh);
    return SoftTokenProtocol.AUTH_SCHEME
        + " "
        + Es256Jws.signJson(SoftTokenProtocol.TYP_DEVICE_AUTH, kid, claims, key);
  }

  /**
   * Server side: checks a device-authenticated request, in this order: header form; JWS form, alg
   * ES256 exactly, typ, kid; the certificate (resolver, then validity dates and key type); the
   * signature; htm equals the method; htu equals the request URL (both {@link
   * SoftTokenUrls#normalizeHtu normalised}); |now - iat| &lt;= skew; jti form. The caller must then
   * refuse a jti it has seen (store {@link Verified#replayKey()} for {@link
   * SoftTokenProtocol#DEFAULT_JTI_TTL}; a second use is {@code replayed}).
   *
   * @param authorization the Authorization header value, may be null
   * @param method the request's HTTP method
   * @param requestUrl the request URL as the device addressed it (the server's public URL of this
   *     endpoint, e.g. from the frontend hostname), query ignored
   * @param now the current time
   * @param skew the allowed |now - iat|, e.g. {@link SoftTokenProtocol#DEFAULT_IAT_SKEW}
   * @param resolver finds the device certificate by kid
   * @return the verified device and claims
   * @throws SoftTokenProtocolException {@code invalid_device_auth}, {@code unsupported_algorithm},
   *     {@code unknown_certificate}, {@code certificate_revoked}, {@code certificate_expired},
   *     {@code unsupported_key}, {@code invalid_signature}
   */
  public static Verified verify(
      String authorization,
      String method,
      String requestUrl,
      Instant now,
      Duration skew,
      CertificateResolver resolver)
      throws SoftTokenProtocolException {
    return verify(authorization, method, kid -> requestUrl, now, skew, resolver);
  }

  /**
   * Server side: {@link #verify(String, String, String, Instant, Duration, CertificateResolver)}
   * with the expected URL chosen per device, after its certificate was resolved (the server binds
   * {@code htu} to the base URL the device enrolled at, never to request headers).
   *
   * @param authorization the Authorization header value, may be null
   * @param method the request's HTTP method
   * @param expectedUrl the endpoint's URL as this device must address it, by kid
   * @param now the current time
   * @param skew the allowed |now - iat|
   * @param resolver finds the device certificate by kid
   * @return the verified device and claims
   * @throws SoftTokenProtocolException as the other form
   */
  public static Verified verify(
      String authorization,
      String method,
      ExpectedUrl expectedUrl,
      Instant now,
      Duration skew,
      CertificateResolver resolver)
      throws SoftTokenProtocolException {
    if (authorization == null || authorization.isBlank()) {
      throw invalid("Missing Authorization header with scheme SoftToken.");
    }
    Matcher m = HEADER.matcher(authorization.strip());
    if (!m.matches()) {
      throw invalid("The Authorization header must be: SoftToken <compact JWS>.");
    }
    Es256Jws.Parsed jws;
    try {
      jws = Es256Jws.parse(m.group(1), SoftTokenProtocol.TYP_DEVICE_AUTH);
    } catch (SoftTokenProtocolException e) {
      throw asDeviceAuthError(e);
    }
    X509Certificate certificate = resolve(resolver, jws.kid(), now);
    jws.verify(certificate.getPublicKey());

    DeviceAuthClaims claims;
    try {
      claims = jws.claims(DeviceAuthClaims.class);
    } catch (SoftTokenProtocolException e) {
      throw invalid("The device-auth payload is not valid JSON claims.");
    }
    if (claims.htm() == null || !METHOD.matcher(claims.htm()).matches()) {
      throw invalid("htm is missing or malformed.");
    }
    if (!claims.htm().equals(method.toUpperCase(Locale.ROOT))) {
      throw invalid("htm does not match the request method.");
    }
    if (claims.htu() == null) {
      throw invalid("htu is missing.");
    }
    String htu;
    try {
      htu = SoftTokenUrls.normalizeHtu(claims.htu());
    } catch (IllegalArgumentException e) {
      throw invalid("htu is not an absolute http(s) URL.");
    }
    if (!htu.equals(SoftTokenUrls.normalizeHtu(expectedUrl.forKid(jws.kid())))) {
      throw invalid("htu does not match the request URL.");
    }
    checkIat(claims.iat(), now, skew);
    String jti = claims.jti();
    if (!Base64Urls.isBase64Url(jti)
        || jti.length() > MAX_JTI_LENGTH
        || jti.length() * 6 / 8 < SoftTokenProtocol.MIN_JTI_BYTES) {
      throw invalid("jti must be at least 16 random bytes, base64url.");
    }
    return new Verified(jws.kid(), certificate, claims);
  }

  /**
   * Checks |now - iat| &lt;= skew.
   *
   * @param iat the claim, seconds since the epoch, may be null
   * @param now the current time
   * @param skew the allowed difference
   * @throws SoftTokenProtocolException {@code invalid_device_auth}
   */
  static void checkIat(Long iat, Instant now, Duration skew) throws SoftTokenProtocolException {
    if (iat == null) {
      throw invalid("iat is missing.");
    }
    long difference = Math.abs(now.getEpochSecond() - iat);
    if (difference > skew.toSeconds()) {
      throw invalid("iat is more than " + skew.toSeconds() + " s away from the server's clock.");
    }
  }

  static X509Certificate resolve(CertificateResolver resolver, String kid, Instant now)
      throws SoftTokenProtocolException {
    X509Certificate certificate = resolver.resolve(kid);
    if (certificate == null) {
      throw new SoftTokenProtocolException(
          SoftTokenError.UNKNOWN_CERTIFICATE,
          SoftTokenError.UNKNOWN_CERTIFICATE.defaultDescription());
    }
    if (!Certificates.serialHex(certificate).equals(kid)) {
      throw new SoftTokenProtocolException(
          SoftTokenError.UNKNOWN_CERTIFICATE, "The resolved certificate does not match the kid.");
    }
    Certificates.checkValidity(certificate, now);
    DeviceKeys.requireP256(certificate.getPublicKey());
    return certificate;
  }

  /** The URL a device must name in {@code htu}, chosen once its certificate is known. */
  @FunctionalInterface
  public interface ExpectedUrl {
    /**
     * @param kid the resolved device certificate's serial
     * @return the absolute URL of the endpoint for that device
     * @throws SoftTokenProtocolException when the device cannot be served
     */
    String forKid(String kid) throws SoftTokenProtocolException;
  }

  private static SoftTokenProtocolException asDeviceAuthError(SoftTokenProtocolException e) {
    if (e.error() == SoftTokenError.INVALID_REQUEST) {
      return new SoftTokenProtocolException(SoftTokenError.INVALID_DEVICE_AUTH, e.getMessage(), e);
    }
    return e;
  }

  private static SoftTokenProtocolException invalid(String description) {
    return new SoftTokenProtocolException(SoftTokenError.INVALID_DEVICE_AUTH, description);
  }

  /**
   * A verified device-authenticated request.
   *
   * @param kid the device certificate serial
   * @param certificate the device certificate
   * @param claims the verified claims
   */
  public record Verified(String kid, X509Certificate certificate, DeviceAuthClaims claims) {

    /**
     * The key under which the server remembers this request's jti (single use, per device).
     *
     * @return {@code gfmis-softtoken-jti:<kid>:<jti>}
     */
    public String replayKey() {
      return SoftTokenProtocol.PROVIDER_ID + "-jti:" + kid + ":" + claims.jti();
    }

    /**
     * The user the certificate names.
     *
     * @return the subject CN
     */
    public String username() {
      return SoftTokenCa.username(certificate);
    }
  }
}
