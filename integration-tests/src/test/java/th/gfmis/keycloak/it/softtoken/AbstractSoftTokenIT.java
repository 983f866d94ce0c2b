package th.gfmis.keycloak.it.softtoken;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisRealmConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Holders;
import th.gfmis.keycloak.it.support.Pages;

/**
 * What every Soft Token test works with: the realm export on the real server, the browser, fresh
 * holders, and a GFMIS sign-in up to the step after the password. Subclasses carry
 * {@code @KeycloakIntegrationTest(config = GfmisServerConfig.class)}.
 */
abstract class AbstractSoftTokenIT {

  @InjectRealm(fromJson = GfmisRealmConfig.REALM_JSON, config = GfmisRealmConfig.class)
  ManagedRealm realm;

  @InjectAdminClient Keycloak adminClient;

  @InjectKeycloakUrls KeycloakUrls urls;

  @InjectWebDriver ManagedWebDriver webDriver;

  /** A fresh browser session: Keycloak's cookies removed (from a Keycloak page), then the URL. */
  void openFresh(String url) {
    WebDriver driver = webDriver.driver();
    String neutral = realm.getBaseUrl() + "/.well-known/openid-configuration";
    try {
      driver.navigate().to(neutral);
    } catch (WebDriverException e) {
      driver.navigate().to(neutral);
    }
    driver.manage().deleteAllCookies();
    driver.navigate().to(url);
  }

  Pages pages() {
    return new Pages(webDriver.driver());
  }

  Holder newHolder() throws Exception {
    return new Holders(adminClient, realm, urls.getBase()).create("en");
  }

  /** Opens a fresh GFMIS sign-in and submits the holder's password; returns the client. */
  GfmisClient signInToGfmis(Holder holder) {
    GfmisClient gfmis = new GfmisClient(realm.getBaseUrl());
    openFresh(gfmis.authorizationUrl("en"));
    pages().signIn(holder.userId(), holder.password());
    return gfmis;
  }
}
