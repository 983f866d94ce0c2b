package th.gfmis.keycloak.it.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.common.crypto.CryptoIntegration;
import org.keycloak.crypto.def.DefaultCryptoProvider;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import th.gfmis.keycloak.it.support.GfmisClient;

/**
 * Starts the loopback cluster once for all cluster tests of the run (and stops it after the last),
 * with the real SMTP server the realm sends to ({@code run-cluster.sh}'s default, port 3180) and
 * the tests' redirect URI on the GFMIS client. Everything the tests ask of the admin API goes
 * through the load balancer, so it keeps working while one node is down.
 *
 * <p>With {@code -Dcluster.reuse=true} the tests use a cluster already started with {@code
 * ./run-cluster.sh start --fresh} and leave it running (for working on the tests).
 */
final class ClusterExtension implements BeforeAllCallback {

  static final int SMTP_PORT = 3180;

  private static Resources resources;

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Resources.class, k -> start(), Resources.class);
  }

  static Resources resources() {
    if (resources == null) {
      throw new IllegalStateException("the cluster extension has not started the cluster");
    }
    return resources;
  }

  private static Resources start() {
    // Keycloak's test framework, which these tests do not use, picks the crypto provider for the
    // client side; left to detect one, CryptoIntegration also finds the FIPS provider on the class
    // path, whose BouncyCastle FIPS jars are not there. The reference device needs the default one.
    if (!CryptoIntegration.isInitialised()) {
      CryptoIntegration.setProvider(new DefaultCryptoProvider());
    }
    MailServer mail = new MailServer("127.0.0.1", SMTP_PORT);
    LoopbackCluster cluster =
        new LoopbackCluster(
            Path.of("..").toAbsolutePath().normalize(), Path.of("target", "cluster-script.log"));
    boolean reuse = Boolean.getBoolean("cluster.reuse");
    try {
      if (!reuse) {
        cluster.start();
      }
    } catch (RuntimeException | Error e) {
      cluster.stop();
      mail.stop();
      throw e;
    }
    Keycloak admin =
        Keycloak.getInstance(ClusterNode.BALANCER, "master", "admin", "admin", "admin-cli");
    addTestRedirectUri(admin);
    RealmRepresentation realm = new RealmRepresentation();
    realm.setRealm(ClusterNode.REALM);
    ManagedRealm managed =
        new ManagedRealm(
            ClusterNode.BALANCER + "/realms/" + ClusterNode.REALM,
            realm,
            admin.realm(ClusterNode.REALM));
    resources = new Resources(cluster, mail, admin, managed, reuse);
    return resources;
  }

  /**
   * The production export's GFMIS client does not know the tests' loopback redirect URI, and has no
   * fixed secret (Keycloak makes a random one on import): the tests need both.
   */
  private static void addTestRedirectUri(Keycloak admin) {
    ClientRepresentation gfmis =
        admin.realm(ClusterNode.REALM).clients().findByClientId(GfmisClient.CLIENT_ID).get(0);
    ClientResource resource = admin.realm(ClusterNode.REALM).clients().get(gfmis.getId());
    List<String> uris = new ArrayList<>(gfmis.getRedirectUris());
    if (!uris.contains(GfmisClient.REDIRECT_URI)) {
      uris.add(GfmisClient.REDIRECT_URI);
    }
    gfmis.setRedirectUris(uris);
    gfmis.setSecret(GfmisClient.SECRET);
    resource.update(gfmis);
  }

  /** What the cluster tests share; closed (cluster stopped) when the whole run ends. */
  record Resources(
      LoopbackCluster cluster, MailServer mail, Keycloak admin, ManagedRealm realm, boolean reused)
      implements ExtensionContext.Store.CloseableResource {

    @Override
    public void close() {
      try {
        admin.close();
      } finally {
        try {
          if (!reused) {
            cluster.stop();
          }
        } finally {
          mail.stop();
        }
      }
    }
  }
}
