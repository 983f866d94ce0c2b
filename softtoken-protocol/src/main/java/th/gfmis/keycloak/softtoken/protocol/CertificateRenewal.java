package th.gfmis.keycloak.softtoken.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Certificate renewal ({@code POST device/renew}) and the life phases of a device certificate.
 *
 * <p>A device renews in the window of the last {@code renewalWindow} before {@code notAfter}, with
 * a device-auth header signed by its current key (claim {@code csh} = {@link #csrHash} of the
 * body's CSR) and a CSR for a <em>new</em> key signed by that new key. The key is rotated, never
 * kept: a key that ever leaked stops working at the next renewal, the key's life is bounded by the
 * certificate's, and the new key is vouched for by the old one (a chain of possession).
 */
public final class CertificateRenewal {

  /** Where a certificate stands at a moment. */
  public enum Phase {
    /** Before notBefore: not usable yet. */
    NOT_YET_VALID,
    /** Usable, renewal not yet open. */
    VALID,
    /** Usable, and may be renewed now. */
    RENEWABLE,
    /** At or after notAfter: not usable, cannot be renewed; the holder must register again. */
    EXPIRED
  }

  private CertificateRenewal() {}

  /**
   * The phase of a certificate, the one rule used by the device API and the sign-in step.
   *
   * @param notBefore start of validity
   * @param notAfter end of validity (the certificate is expired from this instant on)
   * @param renewalWindow how long before notAfter renewal opens
   * @param now the current time
   * @return the phase
   */
  public static Phase phase(
      Instant notBefore, Instant notAfter, Duration renewalWindow, Instant now) {
    if (now.isBefore(notBefore)) {
      return Phase.NOT_YET_VALID;
    }
    if (!now.isBefore(notAfter)) {
      return Phase.EXPIRED;
    }
    return now.isBefore(renewableFrom(notBefore, notAfter, renewalWindow))
        ? Phase.VALID
        : Phase.RENEWABLE;
  }

  /**
   * {@link #phase(Instant, Instant, Duration, Instant)} of a certificate.
   *
   * @param certificate the device certificate
   * @param renewalWindow how long before notAfter renewal opens
   * @param now the current time
   * @return the phase
   */
  public static Phase phase(X509Certificate certificate, Duration renewalWindow, Instant now) {
    return phase(
        certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant(),
        renewalWindow,
        now);
  }

  /**
   * When renewal opens: notAfter minus the window, never before notBefore.
   *
   * @param notBefore start of validity
   * @param notAfter end of validity
   * @param renewalWindow the window
   * @return the first instant a renewal is accepted
   */
  public static Instant renewableFrom(Instant notBefore, Instant notAfter, Duration renewalWindow) {
    Instant from = notAfter.minus(renewalWindow);
    return from.isBefore(notBefore) ? notBefore : from;
  }

  /**
   * {@link #renewableFrom(Instant, Instant, Duration)} of a certificate.
   *
   * @param certificate the device certificate
   * @param renewalWindow the window
   * @return the first instant a renewal is accepted
   */
  public static Instant renewableFrom(X509Certificate certificate, Duration renewalWindow) {
    return renewableFrom(
        certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant(),
        renewalWindow);
  }

  /**
   * Server side: refuses a renewal outside the window.
   *
   * @param current the device's current certificate
   * @param renewalWindow the window
   * @param now the current time
   * @throws SoftTokenProtocolException {@code renewal_too_early} before the window, {@code
   *     certificate_expired} outside the validity
   */
  public static void checkRenewable(X509Certificate current, Duration renewalWindow, Instant now)
      throws SoftTokenProtocolException {
    switch (phase(current, renewalWindow, now)) {
      case RENEWABLE -> {}
      case VALID ->
          throw new SoftTokenProtocolException(
              SoftTokenError.RENEWAL_TOO_EARLY,
              "Renewal opens at " + IsoInstant.format(renewableFrom(current, renewalWindow)) + ".");
      case NOT_YET_VALID, EXPIRED ->
          throw new SoftTokenProtocolException(
              SoftTokenError.CERTIFICATE_EXPIRED,
              SoftTokenError.CERTIFICATE_EXPIRED.defaultDescription());
    }
  }

  /**
   * The {@code csh} claim for a CSR: base64url (no padding) of SHA-256 of its DER bytes.
   *
   * @param csrBase64 the {@code csr} member, standard base64
   * @return the hash, or null when the text is not base64
   */
  public static String csrHash(String csrBase64) {
    byte[] der;
    try {
      der = Base64.getDecoder().decode(csrBase64 == null ? "" : csrBase64);
    } catch (IllegalArgumentException e) {
      return null;
    }
    try {
      return Base64Urls.encode(MessageDigest.getInstance("SHA-256").digest(der));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /**
   * Server side: the device-auth signature must cover this body's CSR ({@code csh}), so a captured
   * Authorization header cannot certify someone else's key. Constant-time comparison.
   *
   * @param claims the verified device-auth claims
   * @param csrBase64 the body's CSR
   * @throws SoftTokenProtocolException {@code invalid_device_auth}
   */
  public static void checkBinding(DeviceAuthClaims claims, String csrBase64)
      throws SoftTokenProtocolException {
    String expected = csrHash(csrBase64);
    String claimed = claims.csh();
    if (expected == null
        || claimed == null
        || !MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            claimed.getBytes(StandardCharsets.US_ASCII))) {
      throw new SoftTokenProtocolException(
          SoftTokenError.INVALID_DEVICE_AUTH,
          "csh is missing or is not the SHA-256 of the request's CSR.");
    }
  }

  /**
   * Server side: checks the renewal CSR like an enrollment CSR ({@link DeviceCsr#verify(String)}:
   * P-256, SHA256withECDSA, proof of possession) and requires a key other than the current one.
   *
   * @param csrBase64 the body's CSR
   * @param currentKey the current certificate's public key
   * @return the new device key
   * @throws SoftTokenProtocolException {@code invalid_csr}, {@code unsupported_key}, {@code
   *     unsupported_algorithm}
   */
  public static ECPublicKey verifyCsr(String csrBase64, PublicKey currentKey)
      throws SoftTokenProtocolException {
    ECPublicKey newKey = DeviceCsr.verify(csrBase64);
    if (Arrays.equals(newKey.getEncoded(), currentKey.getEncoded())) {
      throw new SoftTokenProtocolException(
          SoftTokenError.INVALID_CSR,
          "Invalid certificate signing request: a renewal needs a new key.");
    }
    return newKey;
  }
}
