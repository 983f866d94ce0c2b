package th.gfmis.keycloak.softtoken.server.ca;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import th.gfmis.keycloak.softtoken.protocol.Certificates;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenError;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;

/** The realm's Soft Token CA keys, through Keycloak's key manager. */
public final class SoftTokenCaKeys {

  /** Algorithm label of the CA keys: no token signer ever asks for it. */
  public static final String ALGORITHM = "GFMIS-SOFTTOKEN-CA";

  private final KeycloakSession session;
  private final RealmModel realm;

  public SoftTokenCaKeys(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  /** The CA that issues new certificates (created on first use). */
  public Ca active() {
    KeyWrapper key = session.keys().getActiveKey(realm, KeyUse.SIG, ALGORITHM);
    return new Ca((PrivateKey) key.getPrivateKey(), key.getCertificate());
  }

  /**
   * Checks that a device certificate was issued by an enabled Soft Token CA key of this realm.
   *
   * @throws SoftTokenProtocolException {@code unknown_certificate} otherwise
   */
  public void verifyIssued(X509Certificate certificate) throws SoftTokenProtocolException {
    String kid = authorityKeyId(certificate);
    KeyWrapper key = kid == null ? null : session.keys().getKey(realm, kid, KeyUse.SIG, ALGORITHM);
    if (key == null || key.getCertificate() == null) {
      throw new SoftTokenProtocolException(
          SoftTokenError.UNKNOWN_CERTIFICATE,
          "The device certificate's CA is not an enabled Soft Token CA of this realm.");
    }
    Certificates.verifyIssuedBy(certificate, key.getCertificate());
  }

  /** The key id of a CA certificate: its subject key identifier, lowercase hex. */
  static String keyId(X509Certificate caCertificate) throws IOException {
    byte[] extension = caCertificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (extension == null) {
      throw new IOException("CA certificate without subject key identifier");
    }
    return HexFormat.of()
        .formatHex(
            SubjectKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension))
                .getKeyIdentifier());
  }

  private static String authorityKeyId(X509Certificate certificate) {
    byte[] extension = certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId());
    if (extension == null) {
      return null;
    }
    try {
      byte[] id =
          AuthorityKeyIdentifier.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension))
              .getKeyIdentifierOctets();
      return id == null ? null : HexFormat.of().formatHex(id);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The issuing CA.
   *
   * @param privateKey its private key
   * @param certificate its certificate
   */
  public record Ca(PrivateKey privateKey, X509Certificate certificate) {}
}
