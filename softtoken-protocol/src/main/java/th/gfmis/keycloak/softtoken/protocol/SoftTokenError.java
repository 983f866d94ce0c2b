package th.gfmis.keycloak.softtoken.protocol;

import java.util.Locale;
import java.util.Optional;

/**
 * Error codes of the device API. Each has one HTTP status; the body is {@code
 * {"error":"<code>","error_description":"<English text>"}} ({@link ErrorResponse}).
 */
public enum SoftTokenError {
  /** Malformed or missing parameter, body, JSON or JWS. */
  INVALID_REQUEST(400, "The request is malformed."),
  /** Activation code unknown, already used or expired (deliberately not told apart). */
  INVALID_ACTIVATION_CODE(400, "The activation code is invalid, expired or already used."),
  /** The CSR is not a valid PKCS#10 request or its proof-of-possession signature fails. */
  INVALID_CSR(400, "The certificate signing request is invalid."),
  /** The key is not an EC key on curve P-256. */
  UNSUPPORTED_KEY(400, "Only EC keys on curve P-256 are accepted."),
  /** The algorithm is not ES256 (JWS) or SHA256withECDSA (CSR). */
  UNSUPPORTED_ALGORITHM(400, "Only ES256 (SHA256withECDSA) is accepted."),
  /** Authorization header missing or malformed, or its claims do not match the request. */
  INVALID_DEVICE_AUTH(401, "The device authorization is missing or invalid."),
  /** The signature does not verify with the device certificate's key. */
  INVALID_SIGNATURE(401, "The signature is invalid."),
  /** No device certificate of this realm (or of this user) has that serial number. */
  UNKNOWN_CERTIFICATE(401, "The device certificate is unknown."),
  /** The device certificate was revoked. */
  CERTIFICATE_REVOKED(403, "The device certificate has been revoked."),
  /** The device certificate is outside its validity period. */
  CERTIFICATE_EXPIRED(403, "The device certificate has expired."),
  /**
   * A renewal asked for before the renewal window of the certificate opened (see {@link
   * CertificateRenewal}); the device keeps its certificate and asks again later.
   */
  RENEWAL_TOO_EARLY(403, "The device certificate cannot be renewed yet."),
  /** The number chosen on the device is not the one the browser shows. */
  WRONG_NUMBER(403, "The chosen number does not match the number shown in the browser."),
  /** No such live challenge for this device. */
  CHALLENGE_NOT_FOUND(404, "The challenge was not found."),
  /** A jti or challenge nonce was already used. */
  REPLAYED(409, "The request was already used."),
  /** The challenge has expired. */
  CHALLENGE_EXPIRED(410, "The challenge has expired."),
  /** The request body is larger than 16 KiB. */
  REQUEST_TOO_LARGE(413, "The request body is too large."),
  /** Too many refused requests from this client address; retry after the Retry-After seconds. */
  TOO_MANY_REQUESTS(429, "Too many refused requests from this address; try again later."),
  /** Unexpected server failure. */
  SERVER_ERROR(500, "The server could not process the request.");

  private final int httpStatus;
  private final String defaultDescription;

  SoftTokenError(int httpStatus, String defaultDescription) {
    this.httpStatus = httpStatus;
    this.defaultDescription = defaultDescription;
  }

  /**
   * The wire code, e.g. {@code invalid_csr}.
   *
   * @return the code
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The HTTP status the server answers with.
   *
   * @return the status
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * A generic English description.
   *
   * @return the description
   */
  public String defaultDescription() {
    return defaultDescription;
  }

  /**
   * Looks a wire code up.
   *
   * @param code the code, e.g. {@code wrong_number}
   * @return the error, empty when unknown
   */
  public static Optional<SoftTokenError> fromCode(String code) {
    for (SoftTokenError e : values()) {
      if (e.code().equals(code)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
