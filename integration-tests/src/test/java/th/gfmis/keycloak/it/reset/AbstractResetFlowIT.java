package th.gfmis.keycloak.it.reset;

import org.junit.jupiter.api.BeforeEach;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import th.gfmis.keycloak.it.support.GfmisRealmConfig;
import th.gfmis.keycloak.it.support.Holders;
import th.gfmis.keycloak.it.support.Mailbox;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.it.support.RealmSettings;
import th.gfmis.keycloak.it.support.ResetSteps;

/**
 * What every forgotten-password test works with: the realm export on the real server, the real SMTP
 * server, the browser, and helpers over them. Subclasses carry
 * {@code @KeycloakIntegrationTest(config = GfmisServerConfig.class)}.
 */
abstract class AbstractResetFlowIT {

  @InjectRealm(fromJson = GfmisRealmConfig.REALM_JSON, config = GfmisRealmConfig.class)
  ManagedRealm realm;

  @InjectMailServer MailServer mailServer;

  @InjectWebDriver ManagedWebDriver webDriver;

  @InjectAdminClient Keycloak adminClient;

  @InjectKeycloakUrls KeycloakUrls urls;

  Pages pages;
  Mailbox mailbox;
  ResetSteps steps;
  Holders holders;
  RealmSettings settings;

  @BeforeEach
  void setUpHelpers() {
    pages = new Pages(webDriver.driver());
    mailbox = new Mailbox(mailServer);
    steps = new ResetSteps(pages, realm.getBaseUrl());
    holders = new Holders(adminClient, realm, urls.getBase());
    settings = new RealmSettings(realm);
  }
}
