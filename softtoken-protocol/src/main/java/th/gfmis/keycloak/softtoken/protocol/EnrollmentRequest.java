package th.gfmis.keycloak.softtoken.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST enroll}.
 *
 * @param activationCode the activation code from the QR code (43 base64url characters)
 * @param csr the PKCS#10 request, DER, standard base64 (RFC 4648 §4, with padding, no line breaks)
 * @param deviceName optional display name of the device, at most 64 characters
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrollmentRequest(String activationCode, String csr, String deviceName) {

  /**
   * Checks the form of every member (not the CSR's content: see {@link DeviceCsr#verify}).
   *
   * @throws SoftTokenProtocolException {@code invalid_request} or {@code invalid_activation_code}
   */
  public void validate() throws SoftTokenProtocolException {
    if (activationCode == null || activationCode.isEmpty()) {
      throw Checks.invalid("Missing activationCode.");
    }
    if (!ActivationCodes.isWellFormed(activationCode)) {
      throw new SoftTokenProtocolException(
          SoftTokenError.INVALID_ACTIVATION_CODE,
          SoftTokenError.INVALID_ACTIVATION_CODE.defaultDescription());
    }
    Checks.requireText(csr, "csr", SoftTokenProtocol.MAX_REQUEST_BODY_BYTES);
    if (deviceName != null) {
      if (!DeviceNames.isAcceptable(deviceName)) {
        throw Checks.invalid(
            "deviceName must be 1 to "
                + SoftTokenProtocol.MAX_DEVICE_NAME_LENGTH
                + " printable characters, without control or bidi formatting characters.");
      }
    }
  }

  /**
   * The device name, trimmed, or {@link SoftTokenProtocol#DEFAULT_DEVICE_NAME}.
   *
   * @return the name to record
   */
  public String deviceNameOrDefault() {
    return deviceName == null || deviceName.isBlank()
        ? SoftTokenProtocol.DEFAULT_DEVICE_NAME
        : deviceName.strip();
  }
}
