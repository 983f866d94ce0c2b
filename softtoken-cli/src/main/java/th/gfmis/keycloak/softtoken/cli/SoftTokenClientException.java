package th.gfmis.keycloak.softtoken.cli;

import java.util.Locale;
import java.util.Optional;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenError;

/**
 * A device operation failed: either the server refused it (HTTP status, the protocol's error code
 * and description) or it failed locally (status 0 and a local code such as {@code network_error},
 * {@code store_error}, {@code invalid_response}, {@code no_pending_challenge}).
 */
public class SoftTokenClientException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Local code: the server could not be reached. */
  public static final String NETWORK_ERROR = "network_error";

  /** Local code: the key store or its sidecar could not be read or written. */
  public static final String STORE_ERROR = "store_error";

  /** Local code: the server answered something the protocol does not allow. */
  public static final String INVALID_RESPONSE = "invalid_response";

  /** Local code: no challenge is pending. */
  public static final String NO_PENDING_CHALLENGE = "no_pending_challenge";

  /** Local code: several challenges are pending and none was chosen. */
  public static final String AMBIGUOUS_CHALLENGE = "ambiguous_challenge";

  /** Local code: the activation URI or QR image is not usable. */
  public static final String INVALID_ACTIVATION = "invalid_activation";

  private final int httpStatus;
  private final String error;

  /**
   * @param httpStatus the server's HTTP status, or 0 for a local failure
   * @param error the error code
   * @param description English text
   */
  public SoftTokenClientException(int httpStatus, String error, String description) {
    super(description);
    this.httpStatus = httpStatus;
    this.error = error;
  }

  /**
   * @param error the local error code
   * @param description English text
   * @param cause the cause
   */
  public SoftTokenClientException(String error, String description, Throwable cause) {
    super(description, cause);
    this.httpStatus = 0;
    this.error = error;
  }

  /**
   * A local failure.
   *
   * @param error the local code
   * @param description English text
   * @return the exception
   */
  public static SoftTokenClientException local(String error, String description) {
    return new SoftTokenClientException(0, error, description);
  }

  /**
   * The server's HTTP status, 0 when the failure was local.
   *
   * @return the status
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The error code ({@code error} of the server's answer, or a local code).
   *
   * @return the code
   */
  public String error() {
    return error;
  }

  /**
   * The protocol error, when the code is one.
   *
   * @return the error, empty for local or unknown codes
   */
  public Optional<SoftTokenError> protocolError() {
    return SoftTokenError.fromCode(error);
  }

  /**
   * One line for a terminal: {@code <code>: <description>}, plus the HTTP status when remote.
   *
   * @return the line
   */
  public String oneLine() {
    String text = getMessage() == null ? "" : getMessage().replaceAll("[\\r\\n]+", " ");
    return httpStatus == 0
        ? error + ": " + text
        : String.format(Locale.ROOT, "%s: %s (HTTP %d)", error, text, httpStatus);
  }
}
