package th.gfmis.keycloak.softtoken.protocol;

/**
 * A request was refused under the protocol. Carries the {@link SoftTokenError} (wire code and HTTP
 * status) and an English description that is safe to send to the device.
 */
public class SoftTokenProtocolException extends Exception {

  private static final long serialVersionUID = 1L;

  private final SoftTokenError error;

  /**
   * @param error the error code
   * @param description English text for the device; never contains secrets
   */
  public SoftTokenProtocolException(SoftTokenError error, String description) {
    super(description);
    this.error = error;
  }

  /**
   * @param error the error code
   * @param description English text for the device; never contains secrets
   * @param cause the cause, for logs only
   */
  public SoftTokenProtocolException(SoftTokenError error, String description, Throwable cause) {
    super(description, cause);
    this.error = error;
  }

  /**
   * The error.
   *
   * @return the error
   */
  public SoftTokenError error() {
    return error;
  }

  /**
   * The HTTP status to answer with.
   *
   * @return the status
   */
  public int httpStatus() {
    return error.httpStatus();
  }

  /**
   * The JSON error body.
   *
   * @return {@code {"error":..., "error_description":...}}
   */
  public ErrorResponse toErrorResponse() {
    return new ErrorResponse(error.code(), getMessage());
  }
}
