package th.gfmis.keycloak.softtoken.protocol;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import org.keycloak.common.crypto.CryptoIntegration;
import org.keycloak.common.crypto.ECDSACryptoProvider;

/**
 * ES256 signatures (JOSE R||S) made and checked with Keycloak's BouncyCastle provider (BCFIPS in
 * FIPS mode) rather than the JDK's default. On Java 17 the default (SunEC) took 1.06–1.21 ms of
 * processor time to verify a P-256 signature and 0.58 ms to make one; BouncyCastle 0.12–0.22 ms for
 * either (docs/performance.md). Every Soft Token sign-in checks one on the server, and every device
 * makes one. Keycloak's own ECDSA contexts use the JDK's default, so this class does not use them.
 */
final class Es256Signatures {

  private static final String ALGORITHM = "SHA256withECDSA";

  /** R||S, as Keycloak's ECDSA helpers count it. */
  private static final int SIGNATURE_BYTES = 64;

  private Es256Signatures() {}

  /** Signs {@code input}; returns the 64-byte R||S. */
  static byte[] sign(PrivateKey key, byte[] input) throws GeneralSecurityException {
    Signature signer = Signature.getInstance(ALGORITHM, provider());
    signer.initSign(key);
    signer.update(input);
    try {
      return ecdsa().asn1derToConcatenatedRS(signer.sign(), SIGNATURE_BYTES);
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot encode the signature", e);
    }
  }

  /** Whether {@code rs} (64 bytes, R||S) is a signature of {@code input} by {@code key}. */
  static boolean verify(ECPublicKey key, byte[] input, byte[] rs) throws GeneralSecurityException {
    if (rs.length != SIGNATURE_BYTES) {
      return false;
    }
    byte[] der;
    try {
      der = ecdsa().concatenatedRSToASN1DER(rs, SIGNATURE_BYTES);
    } catch (IOException e) {
      return false;
    }
    Signature verifier = Signature.getInstance(ALGORITHM, provider());
    verifier.initVerify(key);
    verifier.update(input);
    return verifier.verify(der);
  }

  private static Provider provider() {
    SoftTokenCrypto.ensureInitialized();
    return CryptoIntegration.getProvider().getBouncyCastleProvider();
  }

  private static ECDSACryptoProvider ecdsa() {
    SoftTokenCrypto.ensureInitialized();
    return CryptoIntegration.getProvider().getEcdsaCryptoProvider();
  }
}
