package th.gfmis.keycloak.softtoken.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Body of the 201 answer to {@code POST enroll}.
 *
 * @param certificate the device certificate, DER, standard base64
 * @param caCertificates the issuing CA chain, nearest first, each DER standard base64
 * @param serialNumber the certificate serial, lowercase hex without leading zeros: the {@code kid}
 *     of every JWS the device signs
 * @param notAfter end of the certificate's validity
 * @param deviceName the device name the server recorded
 * @param username the GFMIS user ID the device now belongs to (the certificate's CN)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrollmentResponse(
    String certificate,
    List<String> caCertificates,
    String serialNumber,
    @JsonSerialize(using = IsoInstant.Serializer.class)
        @JsonDeserialize(using = IsoInstant.Deserializer.class)
        Instant notAfter,
    String deviceName,
    String username) {

  /**
   * Builds the answer from an issued certificate.
   *
   * @param deviceCertificate the issued device certificate
   * @param caChain the CA chain, nearest first
   * @param deviceName the recorded device name
   * @param username the user
   * @return the answer
   */
  public static EnrollmentResponse of(
      X509Certificate deviceCertificate,
      List<X509Certificate> caChain,
      String deviceName,
      String username) {
    List<String> ca = new ArrayList<>();
    for (X509Certificate c : caChain) {
      ca.add(Certificates.toBase64(c));
    }
    return new EnrollmentResponse(
        Certificates.toBase64(deviceCertificate),
        List.copyOf(ca),
        Certificates.serialHex(deviceCertificate),
        deviceCertificate.getNotAfter().toInstant(),
        deviceName,
        username);
  }

  /**
   * Decodes {@link #certificate()}.
   *
   * @return the device certificate
   * @throws SoftTokenProtocolException {@code invalid_request} when malformed
   */
  public X509Certificate parseCertificate() throws SoftTokenProtocolException {
    return Certificates.fromBase64(certificate);
  }

  /**
   * Decodes {@link #caCertificates()}.
   *
   * @return the CA chain, nearest first
   * @throws SoftTokenProtocolException {@code invalid_request} when malformed
   */
  public List<X509Certificate> parseCaCertificates() throws SoftTokenProtocolException {
    List<X509Certificate> out = new ArrayList<>();
    if (caCertificates != null) {
      for (String c : caCertificates) {
        out.add(Certificates.fromBase64(c));
      }
    }
    return out;
  }
}
