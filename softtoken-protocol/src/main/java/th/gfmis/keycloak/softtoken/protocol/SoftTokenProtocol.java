package th.gfmis.keycloak.softtoken.protocol;

import java.time.Duration;

/** Constants of the GFMIS Soft Token device protocol, version 1. */
public final class SoftTokenProtocol {

  /** Protocol version carried in the activation URI ({@code v=1}). */
  public static final String VERSION = "1";

  /**
   * Id of the Keycloak {@code RealmResourceProvider}; the device API lives under {@code
   * {server}/realms/{realm}/gfmis-softtoken/}.
   */
  public static final String PROVIDER_ID = "gfmis-softtoken";

  /** Scheme of the activation URI shown as a QR code. */
  public static final String URI_SCHEME = "gfmis-softtoken";

  /** Authority ("host") part of the activation URI: {@code gfmis-softtoken://enroll?...}. */
  public static final String URI_ACTION_ENROLL = "enroll";

  /** Activation URI query parameter: protocol version. */
  public static final String PARAM_VERSION = "v";

  /** Activation URI query parameter: Keycloak base URL. */
  public static final String PARAM_SERVER = "server";

  /** Activation URI query parameter: realm name. */
  public static final String PARAM_REALM = "realm";

  /** Activation URI query parameter (also of the https activation link): activation code. */
  public static final String PARAM_CODE = "code";

  // ---- Paths, relative to the device API base {server}/realms/{realm}/gfmis-softtoken/ ----

  /** Optional https activation link: {@code GET activate?code=...}. */
  public static final String PATH_ACTIVATE = "activate";

  /** {@code POST enroll}: activation code + CSR, returns the device certificate. */
  public static final String PATH_ENROLL = "enroll";

  /** {@code GET challenges} (device-authenticated): pending login challenges. */
  public static final String PATH_CHALLENGES = "challenges";

  /** Last segment of {@code POST challenges/{id}/response}. */
  public static final String PATH_RESPONSE_SEGMENT = "response";

  /** {@code GET device} (device-authenticated): the device's status. */
  public static final String PATH_DEVICE = "device";

  /** {@code POST device/revoke} (device-authenticated): revoke the device's certificate. */
  public static final String PATH_DEVICE_REVOKE = "device/revoke";

  /** {@code POST device/renew}: new certificate for a new key before the old one expires. */
  public static final String PATH_DEVICE_RENEW = "device/renew";

  /** {@code POST} (register) and {@code DELETE} (forget) this device's Web Push subscription. */
  public static final String PATH_DEVICE_PUSH = "device/push";

  // ---- HTTP ----

  /** Authorization scheme of device-authenticated calls: {@code Authorization: SoftToken <jws>}. */
  public static final String AUTH_SCHEME = "SoftToken";

  /** Media type of every request and response body. */
  public static final String MEDIA_TYPE_JSON = "application/json";

  /** Largest request body the server reads, in bytes (16 KiB). */
  public static final int MAX_REQUEST_BODY_BYTES = 16 * 1024;

  // ---- Algorithms: fixed, chosen by the server, never negotiated ----

  /** The only JWS algorithm: ECDSA P-256 with SHA-256, JOSE R||S signature. */
  public static final String JWS_ALGORITHM = "ES256";

  /** Length of an ES256 signature in JOSE format (R||S, 32 bytes each). */
  public static final int ES256_SIGNATURE_LENGTH = 64;

  /** The only signature algorithm of CSRs and certificates (JCA name). */
  public static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

  /** The only key type: EC on curve P-256 (JCA name). */
  public static final String KEY_ALGORITHM = "EC";

  /** The only curve (JCA name); also known as prime256v1, P-256. */
  public static final String CURVE = "secp256r1";

  /** {@code typ} header of the JWS in the Authorization header. */
  public static final String TYP_DEVICE_AUTH = "gfmis-device-auth+jwt";

  /** {@code typ} header of the JWS that answers a login challenge. */
  public static final String TYP_CHALLENGE_RESPONSE = "gfmis-challenge-response+jwt";

  // ---- Values ----

  /** Challenge response decision: approve the sign-in. */
  public static final String DECISION_APPROVE = "approve";

  /** Challenge response decision: deny the sign-in. */
  public static final String DECISION_DENY = "deny";

  /** Result status after an approval. */
  public static final String STATUS_APPROVED = "approved";

  /** Result status after a denial. */
  public static final String STATUS_DENIED = "denied";

  /** Device state: certificate valid and current. */
  public static final String STATE_ACTIVE = "active";

  /** Device state: certificate revoked. */
  public static final String STATE_REVOKED = "revoked";

  /** Device name the server uses when the enrollment request names none. */
  public static final String DEFAULT_DEVICE_NAME = "Soft Token";

  /** Longest device name, in characters. */
  public static final int MAX_DEVICE_NAME_LENGTH = 64;

  /** Bytes of randomness in an activation code (256 bits; 43 base64url characters). */
  public static final int ACTIVATION_CODE_BYTES = 32;

  /** Bytes of randomness in a challenge nonce. */
  public static final int NONCE_BYTES = 32;

  /** Bytes of randomness in a challenge id. */
  public static final int CHALLENGE_ID_BYTES = 16;

  /** Fewest bytes of randomness in a device-auth {@code jti}. */
  public static final int MIN_JTI_BYTES = 16;

  /** Number of choices the device shows for number matching. */
  public static final int NUMBER_CHOICES = 3;

  /** Smallest number used for number matching. */
  public static final int MIN_NUMBER = 10;

  /** Largest number used for number matching. */
  public static final int MAX_NUMBER = 99;

  // ---- Lifetimes: server defaults, operator-configurable ----

  /** Activation code lifetime (default 10 minutes). */
  public static final Duration DEFAULT_ACTIVATION_CODE_TTL = Duration.ofMinutes(10);

  /** Device certificate lifetime (default 730 days, about two years). */
  public static final Duration DEFAULT_DEVICE_CERTIFICATE_LIFETIME = Duration.ofDays(730);

  /**
   * Renewal window (default 30 days): a device certificate may be renewed from {@code notAfter}
   * minus this window until {@code notAfter}.
   */
  public static final Duration DEFAULT_RENEWAL_WINDOW = Duration.ofDays(30);

  /** Soft Token CA certificate lifetime (default 3650 days, about ten years). */
  public static final Duration DEFAULT_CA_CERTIFICATE_LIFETIME = Duration.ofDays(3650);

  /** Login challenge lifetime (default 2 minutes). */
  public static final Duration DEFAULT_CHALLENGE_TTL = Duration.ofMinutes(2);

  /** Largest accepted |now - iat| of a signed device message (default 60 seconds). */
  public static final Duration DEFAULT_IAT_SKEW = Duration.ofSeconds(60);

  /**
   * How long the server remembers a used {@code jti} (default 2 minutes = twice the iat skew, so a
   * token cannot outlive the memory of its jti).
   */
  public static final Duration DEFAULT_JTI_TTL = Duration.ofMinutes(2);

  /** Backdating of a certificate's notBefore, against small clock differences. */
  public static final Duration CERTIFICATE_BACKDATE = Duration.ofMinutes(1);

  // ---- Server SPI for push delivery ----

  /** Keycloak SPI name of the push delivery SPI. */
  public static final String PUSH_SPI = "gfmis-softtoken-push";

  /** Id of the default push provider, which sends nothing (the device polls). */
  public static final String PUSH_PROVIDER_POLL = "poll";

  /** Id of the push provider that sends Web Push (RFC 8030) with VAPID (RFC 8292). */
  public static final String PUSH_PROVIDER_WEB_PUSH = "web-push";

  private SoftTokenProtocol() {}

  /**
   * The device API path of one challenge's response: {@code challenges/{id}/response}.
   *
   * @param challengeId the challenge id (base64url characters only)
   * @return the relative path
   */
  public static String challengeResponsePath(String challengeId) {
    if (!Base64Urls.isBase64Url(challengeId)) {
      throw new IllegalArgumentException("challenge id must be base64url characters");
    }
    return PATH_CHALLENGES + "/" + challengeId + "/" + PATH_RESPONSE_SEGMENT;
  }
}
