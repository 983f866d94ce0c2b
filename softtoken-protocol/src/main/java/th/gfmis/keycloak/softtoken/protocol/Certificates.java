package th.gfmis.keycloak.softtoken.protocol;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.regex.Pattern;

/** Encoding and checks of device and CA certificates. */
public final class Certificates {

  private static final Pattern SERIAL_HEX = Pattern.compile("[1-9a-f][0-9a-f]{0,39}|0");

  private Certificates() {}

  /**
   * DER, standard base64 (RFC 4648 §4, padded, no line breaks), as in messages.
   *
   * @param certificate the certificate
   * @return base64 text
   */
  public static String toBase64(X509Certificate certificate) {
    try {
      return Base64.getEncoder().encodeToString(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("cannot encode certificate", e);
    }
  }

  /**
   * Decodes one DER certificate from standard base64; nothing may follow the certificate.
   *
   * @param base64 the text
   * @return the certificate
   * @throws SoftTokenProtocolException {@code invalid_request} when malformed
   */
  public static X509Certificate fromBase64(String base64) throws SoftTokenProtocolException {
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64 == null ? "" : base64);
    } catch (IllegalArgumentException e) {
      throw Checks.invalid("Certificate is not base64.");
    }
    return fromDer(der);
  }

  /**
   * Decodes one DER certificate; nothing may follow the certificate.
   *
   * @param der the bytes
   * @return the certificate
   * @throws SoftTokenProtocolException {@code invalid_request} when malformed
   */
  public static X509Certificate fromDer(byte[] der) throws SoftTokenProtocolException {
    if (der.length == 0) {
      throw Checks.invalid("Empty certificate.");
    }
    try {
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
      if (!Arrays.equals(certificate.getEncoded(), der)) {
        throw Checks.invalid("Certificate is not plain DER.");
      }
      return certificate;
    } catch (CertificateException | ClassCastException e) {
      throw Checks.invalid("Malformed certificate.");
    }
  }

  /**
   * The serial number as the protocol writes it: lowercase hex without leading zeros. It is the
   * {@code kid} of every JWS the device signs.
   *
   * @param certificate the certificate
   * @return e.g. {@code 3f9a...}
   */
  public static String serialHex(X509Certificate certificate) {
    return certificate.getSerialNumber().toString(16);
  }

  /**
   * Whether a text has the form of {@link #serialHex(X509Certificate)} (at most 40 hex digits).
   *
   * @param kid the text, may be null
   * @return true when well formed
   */
  public static boolean isSerialHex(String kid) {
    return kid != null && SERIAL_HEX.matcher(kid).matches();
  }

  /**
   * Checks the validity period.
   *
   * @param certificate the device certificate
   * @param now the current time
   * @throws SoftTokenProtocolException {@code certificate_expired} outside notBefore..notAfter
   */
  public static void checkValidity(X509Certificate certificate, Instant now)
      throws SoftTokenProtocolException {
    try {
      certificate.checkValidity(Date.from(now));
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      throw new SoftTokenProtocolException(
          SoftTokenError.CERTIFICATE_EXPIRED,
          SoftTokenError.CERTIFICATE_EXPIRED.defaultDescription(),
          e);
    }
  }

  /**
   * Checks that a certificate was signed by the CA's key and names the CA as issuer.
   *
   * @param certificate the device certificate
   * @param caCertificate the CA certificate
   * @throws SoftTokenProtocolException {@code unknown_certificate} when not issued by that CA
   */
  public static void verifyIssuedBy(X509Certificate certificate, X509Certificate caCertificate)
      throws SoftTokenProtocolException {
    PublicKey caKey = caCertificate.getPublicKey();
    try {
      if (!certificate.getIssuerX500Principal().equals(caCertificate.getSubjectX500Principal())) {
        throw new GeneralSecurityException("issuer name differs");
      }
      certificate.verify(caKey);
    } catch (GeneralSecurityException e) {
      throw new SoftTokenProtocolException(
          SoftTokenError.UNKNOWN_CERTIFICATE,
          "The device certificate was not issued by this realm's Soft Token CA.",
          e);
    }
  }
}
