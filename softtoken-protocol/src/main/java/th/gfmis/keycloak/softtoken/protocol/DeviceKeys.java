package th.gfmis.keycloak.softtoken.protocol;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;

/** EC P-256 keys: the only key type of the protocol. */
public final class DeviceKeys {

  private static final ASN1ObjectIdentifier P256 = X9ObjectIdentifiers.prime256v1;
  private static final X9ECParameters P256_PARAMETERS = ECNamedCurveTable.getByOID(P256);

  private DeviceKeys() {}

  /**
   * A new P-256 key pair (on a phone: generate it in the platform key store instead).
   *
   * @param random a {@link SecureRandom}
   * @return the key pair
   */
  public static KeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(SoftTokenProtocol.KEY_ALGORITHM);
      generator.initialize(new ECGenParameterSpec(SoftTokenProtocol.CURVE), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 key generation unavailable", e);
    }
  }

  /**
   * Checks that a public key is an EC key on the named curve P-256 whose point lies on the curve.
   * Explicit curve parameters and every other curve or key type are refused.
   *
   * @param key the key
   * @return the key as an {@link ECPublicKey}
   * @throws SoftTokenProtocolException {@code unsupported_key}
   */
  public static ECPublicKey requireP256(PublicKey key) throws SoftTokenProtocolException {
    if (key == null || key.getEncoded() == null) {
      throw unsupported("no key");
    }
    SubjectPublicKeyInfo spki;
    try {
      spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
    } catch (RuntimeException e) {
      throw unsupported("unreadable key");
    }
    return requireP256(spki);
  }

  /**
   * Like {@link #requireP256(PublicKey)} for an encoded SubjectPublicKeyInfo.
   *
   * @param spki the key info, e.g. from a CSR
   * @return the key
   * @throws SoftTokenProtocolException {@code unsupported_key}
   */
  public static ECPublicKey requireP256(SubjectPublicKeyInfo spki)
      throws SoftTokenProtocolException {
    AlgorithmIdentifier algorithm = spki.getAlgorithm();
    if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())) {
      throw unsupported("the key is not an EC key");
    }
    ASN1Encodable parameters = algorithm.getParameters();
    if (!(parameters instanceof ASN1ObjectIdentifier) || !P256.equals(parameters)) {
      throw unsupported("the EC key is not on the named curve P-256");
    }
    byte[] point = spki.getPublicKeyData().getOctets();
    try {
      ECPoint decoded = P256_PARAMETERS.getCurve().decodePoint(point);
      if (decoded.isInfinity() || !decoded.isValid()) {
        throw unsupported("the EC point is not valid");
      }
    } catch (IllegalArgumentException e) {
      throw unsupported("the EC point is not on curve P-256");
    }
    try {
      PublicKey key =
          KeyFactory.getInstance(SoftTokenProtocol.KEY_ALGORITHM)
              .generatePublic(new X509EncodedKeySpec(spki.getEncoded()));
      return (ECPublicKey) key;
    } catch (GeneralSecurityException | java.io.IOException | ClassCastException e) {
      throw unsupported("unreadable EC key");
    }
  }

  /**
   * Checks that a private key is an EC P-256 key (used before signing).
   *
   * @param key the key
   * @return the key
   * @throws IllegalArgumentException when not
   */
  public static PrivateKey requireP256Private(PrivateKey key) {
    if (!(key instanceof ECKey ecKey) || ecKey.getParams() == null) {
      throw new IllegalArgumentException("signing key must be an EC P-256 private key");
    }
    BigInteger order = ecKey.getParams().getOrder();
    if (!order.equals(P256_PARAMETERS.getN())) {
      throw new IllegalArgumentException("signing key must be on curve P-256");
    }
    return key;
  }

  private static SoftTokenProtocolException unsupported(String why) {
    return new SoftTokenProtocolException(
        SoftTokenError.UNSUPPORTED_KEY, "Only EC keys on curve P-256 are accepted: " + why + ".");
  }
}
