package th.gfmis.keycloak.softtoken.protocol;

import java.security.cert.X509Certificate;

/**
 * Supplied by the server: finds the device certificate a JWS names in its {@code kid}. The server
 * decides what is acceptable (this realm, this user's current device, not revoked) and says why not
 * with {@code unknown_certificate} or {@code certificate_revoked}. Validity dates and the key type
 * are checked by the caller.
 */
@FunctionalInterface
public interface CertificateResolver {

  /**
   * Resolves a certificate.
   *
   * @param kid the certificate serial, lowercase hex, already checked for form
   * @return the certificate, never null
   * @throws SoftTokenProtocolException {@code unknown_certificate}, {@code certificate_revoked}
   */
  X509Certificate resolve(String kid) throws SoftTokenProtocolException;
}
