package th.gfmis.keycloak.softtoken.protocol;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The per-realm Soft Token CA: creates its self-signed certificate and issues device certificates
 * (BouncyCastle). Both use SHA256withECDSA with a P-256 CA key. Storage of the CA key is the
 * server's business.
 */
public final class SoftTokenCa {

  private static final int MAX_USERNAME_LENGTH = 255;

  private SoftTokenCa() {}

  /**
   * A self-signed CA certificate: CA:true with path length 0 (critical), keyCertSign and cRLSign
   * (critical), subject key identifier, random 128-bit serial.
   *
   * @param caKeys the CA's P-256 key pair
   * @param subjectDn e.g. {@code CN=GFMIS Soft Token CA,O=gfmis}
   * @param now the current time (notBefore = now - 1 minute)
   * @param lifetime e.g. {@link SoftTokenProtocol#DEFAULT_CA_CERTIFICATE_LIFETIME}
   * @param random a {@link SecureRandom}
   * @return the CA certificate
   */
  public static X509Certificate createCaCertificate(
      KeyPair caKeys, String subjectDn, Instant now, Duration lifetime, SecureRandom random) {
    DeviceKeys.requireP256Private(caKeys.getPrivate());
    X500Name subject = new X500Name(subjectDn);
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              newSerial(random),
              Date.from(now.minus(SoftTokenProtocol.CERTIFICATE_BACKDATE)),
              Date.from(now.plus(lifetime)),
              subject,
              caKeys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          utils.createSubjectKeyIdentifier(caKeys.getPublic()));
      return sign(builder, caKeys.getPrivate());
    } catch (java.security.NoSuchAlgorithmException | CertIOException e) {
      throw new IllegalStateException("cannot create the CA certificate", e);
    }
  }

  /**
   * Issues a device certificate: subject {@code CN=<username>}, issuer the CA's subject, random
   * 128-bit positive serial, notBefore now - 1 minute, notAfter now + lifetime (never after the
   * CA's own notAfter), basicConstraints CA:false (critical), keyUsage digitalSignature (critical),
   * extendedKeyUsage clientAuth, authority and subject key identifiers.
   *
   * @param caPrivateKey the CA's P-256 private key
   * @param caCertificate the CA certificate
   * @param devicePublicKey the key from the checked CSR ({@link DeviceCsr#verify(String)})
   * @param username the GFMIS user ID
   * @param now the current time
   * @param lifetime e.g. {@link SoftTokenProtocol#DEFAULT_DEVICE_CERTIFICATE_LIFETIME}
   * @param random a {@link SecureRandom}
   * @return the device certificate
   * @throws SoftTokenProtocolException {@code unsupported_key} when the device key is not P-256
   */
  public static X509Certificate issueDeviceCertificate(
      PrivateKey caPrivateKey,
      X509Certificate caCertificate,
      PublicKey devicePublicKey,
      String username,
      Instant now,
      Duration lifetime,
      SecureRandom random)
      throws SoftTokenProtocolException {
    DeviceKeys.requireP256Private(caPrivateKey);
    DeviceKeys.requireP256(devicePublicKey);
    if (username == null
        || username.isEmpty()
        || username.length() > MAX_USERNAME_LENGTH
        || Checks.hasControlCharacters(username)) {
      throw new IllegalArgumentException("username must be 1 to 255 printable characters");
    }
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive");
    }
    Instant notAfter = now.plus(lifetime);
    Instant caNotAfter = caCertificate.getNotAfter().toInstant();
    if (notAfter.isAfter(caNotAfter)) {
      notAfter = caNotAfter;
    }
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, username).build();
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              caCertificate,
              newSerial(random),
              Date.from(now.minus(SoftTokenProtocol.CERTIFICATE_BACKDATE)),
              Date.from(notAfter),
              subject,
              devicePublicKey);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          utils.createAuthorityKeyIdentifier(caCertificate));
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(devicePublicKey));
      return sign(builder, caPrivateKey);
    } catch (java.security.NoSuchAlgorithmException
        | java.security.cert.CertificateEncodingException
        | CertIOException e) {
      throw new IllegalStateException("cannot issue the device certificate", e);
    }
  }

  /**
   * The user ID a device certificate names (its subject CN).
   *
   * @param certificate a device certificate
   * @return the CN, or null when none
   */
  public static String username(X509Certificate certificate) {
    X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    var rdns = name.getRDNs(BCStyle.CN);
    if (rdns.length != 1) {
      return null;
    }
    return rdns[0].getFirst().getValue().toString();
  }

  /**
   * A random positive serial of 128 bits (never zero).
   *
   * @param random a {@link SecureRandom}
   * @return the serial
   */
  static BigInteger newSerial(SecureRandom random) {
    BigInteger serial;
    do {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      serial = new BigInteger(1, bytes);
    } while (serial.signum() == 0);
    return serial;
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) {
    try {
      ContentSigner signer =
          new JcaContentSignerBuilder(SoftTokenProtocol.SIGNATURE_ALGORITHM).build(key);
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    } catch (OperatorCreationException | CertificateException e) {
      throw new IllegalStateException("cannot sign the certificate", e);
    }
  }
}
