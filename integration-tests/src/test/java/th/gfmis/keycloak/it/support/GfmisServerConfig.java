package th.gfmis.keycloak.it.support;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/** A stock Keycloak distribution with this project's bundle in {@code providers/}. */
public class GfmisServerConfig implements KeycloakServerConfig {

  /** The published demo key under which the realm export's citizen IDs were hashed. */
  public static final String DEMO_CID_HASH_KEY = "gfmis-demo-cid-hash-key-not-for-production";

  /**
   * The current CID hashing key of the test server; the demo key is configured as an older key, as
   * after a rotation, so the realm export's hashes still match and are re-written under this one.
   */
  public static final String CID_HASH_KEY_ID = "it-2026";

  public static final String CID_HASH_KEY = "integration-test-cid-hash-key-2026";

  @Override
  public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
    return config
        .dependency("th.gfmis.keycloak", "gfmis-signin-keycloak")
        .spiOption("gfmis-citizen-id", "default", "hash-key", CID_HASH_KEY)
        .spiOption("gfmis-citizen-id", "default", "hash-key-id", CID_HASH_KEY_ID)
        .spiOption("gfmis-citizen-id", "default", "previous-hash-keys", "demo:" + DEMO_CID_HASH_KEY)
        // As behind a production proxy: Keycloak takes the client address from X-Forwarded-For,
        // which lets a test play an attacker at another address (docs/lockouts.md).
        .option("proxy-headers", "xforwarded")
        // Web Push to the tests' own push endpoint on the loopback (plain http, allowed here only).
        .option("spi-gfmis-softtoken-push--provider", "web-push")
        .spiOption("gfmis-softtoken-push", "web-push", "hosts", "127.0.0.1")
        .spiOption("gfmis-softtoken-push", "web-push", "allow-http", "true");
  }
}
