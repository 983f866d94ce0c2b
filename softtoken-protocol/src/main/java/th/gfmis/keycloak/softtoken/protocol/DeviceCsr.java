package th.gfmis.keycloak.softtoken.protocol;

import java.io.IOException;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * PKCS#10 certification requests: the device proves possession of its new P-256 key by signing the
 * request with it (SHA256withECDSA). The server ignores the request's subject and attributes: it
 * names the certificate itself.
 */
public final class DeviceCsr {

  /** Subject the reference device puts in its requests (ignored by the server). */
  public static final String DEVICE_SUBJECT = "CN=gfmis-softtoken-device";

  private static final int MAX_CSR_BYTES = 4096;

  private DeviceCsr() {}

  /**
   * Device side: a DER request signed by the key pair's private key.
   *
   * @param keys the device's P-256 key pair
   * @return DER bytes
   */
  public static byte[] create(KeyPair keys) {
    DeviceKeys.requireP256Private(keys.getPrivate());
    try {
      ContentSigner signer =
          new JcaContentSignerBuilder(SoftTokenProtocol.SIGNATURE_ALGORITHM)
              .build(keys.getPrivate());
      return new JcaPKCS10CertificationRequestBuilder(
              new X500Name(DEVICE_SUBJECT), keys.getPublic())
          .build(signer)
          .getEncoded();
    } catch (OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot create the CSR", e);
    }
  }

  /**
   * Device side: {@link #create(KeyPair)} as standard base64, the form of {@code
   * EnrollmentRequest.csr}.
   *
   * @param keys the device's P-256 key pair
   * @return base64 text
   */
  public static String createBase64(KeyPair keys) {
    return Base64.getEncoder().encodeToString(create(keys));
  }

  /**
   * Server side: decodes and checks a request from standard base64. See {@link #verify(byte[])}.
   *
   * @param base64 the {@code csr} member of the enrollment request
   * @return the device's public key
   * @throws SoftTokenProtocolException {@code invalid_csr}, {@code unsupported_algorithm} or {@code
   *     unsupported_key}
   */
  public static ECPublicKey verify(String base64) throws SoftTokenProtocolException {
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64 == null ? "" : base64);
    } catch (IllegalArgumentException e) {
      throw invalid("the CSR is not standard base64", e);
    }
    return verify(der);
  }

  /**
   * Server side: checks a DER request. Accepted only when the key is EC on the named curve P-256
   * (else {@code unsupported_key}), the signature algorithm is exactly ecdsa-with-SHA256 (else
   * {@code unsupported_algorithm}), and the signature verifies with that key (proof of possession;
   * else {@code invalid_csr}). Nothing in the request chooses an algorithm.
   *
   * @param der the DER request
   * @return the device's public key
   * @throws SoftTokenProtocolException {@code invalid_csr}, {@code unsupported_algorithm} or {@code
   *     unsupported_key}
   */
  public static ECPublicKey verify(byte[] der) throws SoftTokenProtocolException {
    if (der.length == 0 || der.length > MAX_CSR_BYTES) {
      throw invalid("the CSR is empty or larger than " + MAX_CSR_BYTES + " bytes", null);
    }
    PKCS10CertificationRequest request;
    try {
      request = new PKCS10CertificationRequest(der);
      if (!Arrays.equals(request.getEncoded(), der)) {
        throw invalid("the CSR is not plain DER", null);
      }
    } catch (IOException | RuntimeException e) {
      throw invalid("the CSR is not a PKCS#10 request", e);
    }
    ECPublicKey key = DeviceKeys.requireP256(request.getSubjectPublicKeyInfo());
    AlgorithmIdentifier signatureAlgorithm = request.getSignatureAlgorithm();
    if (!X9ObjectIdentifiers.ecdsa_with_SHA256.equals(signatureAlgorithm.getAlgorithm())
        || (signatureAlgorithm.getParameters() != null
            && !DERNull.INSTANCE.equals(signatureAlgorithm.getParameters()))) {
      throw new SoftTokenProtocolException(
          SoftTokenError.UNSUPPORTED_ALGORITHM,
          "The CSR must be signed with SHA256withECDSA (ecdsa-with-SHA256).");
    }
    boolean valid;
    try {
      valid = request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key));
    } catch (OperatorCreationException | PKCSException | RuntimeException e) {
      throw invalid("the CSR signature cannot be checked", e);
    }
    if (!valid) {
      throw invalid(
          "the CSR signature does not verify with its key (no proof of possession)", null);
    }
    return key;
  }

  private static SoftTokenProtocolException invalid(String why, Throwable cause) {
    return new SoftTokenProtocolException(
        SoftTokenError.INVALID_CSR, "Invalid certificate signing request: " + why + ".", cause);
  }
}
