package th.gfmis.keycloak.softtoken.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST device/renew}. The answer is an {@link EnrollmentResponse} for the new
 * certificate (status 200).
 *
 * @param csr the PKCS#10 request for the device's <em>new</em> P-256 key, signed by that key, DER,
 *     standard base64
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RenewalRequest(String csr) {

  /**
   * Checks the form of the body (not the CSR's content: see {@link CertificateRenewal#verifyCsr}).
   *
   * @throws SoftTokenProtocolException {@code invalid_request}
   */
  public void validate() throws SoftTokenProtocolException {
    Checks.requireText(csr, "csr", SoftTokenProtocol.MAX_REQUEST_BODY_BYTES);
  }
}
