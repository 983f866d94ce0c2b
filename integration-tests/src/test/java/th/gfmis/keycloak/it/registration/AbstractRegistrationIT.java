package th.gfmis.keycloak.it.registration;

import org.junit.jupiter.api.BeforeEach;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import th.gfmis.keycloak.it.support.GfmisRealmConfig;
import th.gfmis.keycloak.it.support.Mailbox;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.it.support.ThaidRealmConfig;

/**
 * What every registration test in the browser works with: the realm export on the real server, the
 * ThaID stand-in realm, the real SMTP server, the browser, and helpers over them. Subclasses carry
 * {@code @KeycloakIntegrationTest(config = GfmisServerConfig.class)}.
 */
abstract class AbstractRegistrationIT {

  @InjectRealm(fromJson = GfmisRealmConfig.REALM_JSON, config = GfmisRealmConfig.class)
  ManagedRealm realm;

  @InjectRealm(
      ref = "thaid",
      fromJson = ThaidRealmConfig.REALM_JSON,
      config = ThaidRealmConfig.class)
  ManagedRealm thaid;

  @InjectMailServer MailServer mailServer;

  @InjectWebDriver ManagedWebDriver webDriver;

  Pages pages;
  Mailbox mailbox;
  RegistrationSteps steps;

  @BeforeEach
  void setUpHelpers() {
    pages = new Pages(webDriver.driver());
    mailbox = new Mailbox(mailServer);
    steps = new RegistrationSteps(pages, realm.getBaseUrl());
  }
}
