package th.gfmis.keycloak.it.cluster;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import th.gfmis.keycloak.it.support.HeadlessChromium;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Holders;
import th.gfmis.keycloak.it.support.Mailbox;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.softtoken.cli.SoftTokenClientException;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;
import th.gfmis.keycloak.softtoken.protocol.ActivationUri;
import th.gfmis.keycloak.softtoken.protocol.InvalidActivationUriException;

/**
 * A browser, the mailbox and fresh holders on the loopback cluster, and the one move these tests
 * add to the page helpers: sending the page's next request to a chosen node. Both nodes answer on
 * 127.0.0.1, so the browser's cookies go to either; a form or link that one node rendered names
 * that node, and {@link #nextRequestTo} points it at the other, as a load balancer without
 * stickiness would. A node a test kills is started again after it.
 */
@ExtendWith(ClusterExtension.class)
abstract class AbstractClusterIT {

  WebDriver driver;
  Pages pages;
  Mailbox mailbox;
  Holders holders;

  @BeforeEach
  void openBrowser() {
    ClusterExtension.Resources shared = ClusterExtension.resources();
    shared.mail().runCleanup();
    mailbox = new Mailbox(shared.mail());
    holders = new Holders(shared.admin(), shared.realm(), ClusterNode.BALANCER);
    driver = HeadlessChromium.start("1280,1024");
    pages = new Pages(driver);
  }

  @AfterEach
  void closeBrowserAndRestartKilledNodes() {
    if (driver != null) {
      driver.quit();
    }
    LoopbackCluster cluster = ClusterExtension.resources().cluster();
    Arrays.stream(ClusterNode.values())
        .filter(node -> !cluster.isReady(node))
        .forEach(cluster::restart);
  }

  /** Makes the forms and links of the page the browser shows send their request to {@code node}. */
  void nextRequestTo(ClusterNode node) {
    ((JavascriptExecutor) driver)
        .executeScript(
            "var from = arguments[0], to = arguments[1];"
                + "document.querySelectorAll('form[action]').forEach(function (f) {"
                + "  f.setAttribute('action', f.getAttribute('action').split(from).join(to)); });"
                + "document.querySelectorAll('a[href]').forEach(function (a) {"
                + "  a.setAttribute('href', a.getAttribute('href').split(from).join(to)); });",
            node.other().baseUrl(),
            node.baseUrl());
  }

  /** The node whose address the browser shows. */
  ClusterNode shownBy() {
    String url = driver.getCurrentUrl();
    return Arrays.stream(ClusterNode.values())
        .filter(node -> url.startsWith(node.baseUrl()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the browser is on neither node: " + url));
  }

  void kill(ClusterNode node) {
    ClusterExtension.resources().cluster().kill(node);
  }

  Holder newHolder() throws Exception {
    return holders.create("en");
  }

  /**
   * Enrolls a reference device from the QR code the browser shows, talking to {@code node}: the
   * activation names the node that rendered the page; the phone is sent to {@code node} instead.
   */
  static SoftTokenDevice enrollAt(ClusterNode node, String qrText, String deviceName) {
    try {
      ActivationUri shown = ActivationUri.parse(qrText);
      ActivationUri moved = new ActivationUri(node.baseUrl(), shown.realm(), shown.code());
      return SoftTokenDevice.enroll(moved, deviceName, SoftTokenDevice.Config.defaults());
    } catch (InvalidActivationUriException e) {
      throw new AssertionError("the page's QR code is not an activation: " + e.getMessage(), e);
    } catch (SoftTokenClientException e) {
      throw new AssertionError("enrollment refused: " + e.oneLine(), e);
    }
  }
}
