package th.gfmis.keycloak.softtoken.protocol;

import org.keycloak.common.crypto.CryptoIntegration;

/**
 * Keycloak's ECDSA helpers (R||S to DER and back) go through {@link CryptoIntegration}. A Keycloak
 * server initialises it at boot, so on the server {@link #ensureInitialized()} does nothing; a
 * device (or a test) needs {@code keycloak-crypto-default} on its class path.
 */
public final class SoftTokenCrypto {

  private SoftTokenCrypto() {}

  /** Initialises Keycloak's crypto provider when nothing has yet. */
  public static void ensureInitialized() {
    if (!CryptoIntegration.isInitialised()) {
      CryptoIntegration.init(SoftTokenCrypto.class.getClassLoader());
    }
  }
}
