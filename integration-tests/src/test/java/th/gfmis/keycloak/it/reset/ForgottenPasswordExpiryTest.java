package th.gfmis.keycloak.it.reset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisRealmConfig;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Holders;
import th.gfmis.keycloak.it.support.Mailbox;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.it.support.RealmSettings;
import th.gfmis.keycloak.it.support.ResetSteps;

/**
 * Lifetimes, with the operator settings at their smallest (one minute) so that the test waits only
 * once: an expired OTP and an expired temporary password are both refused.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class ForgottenPasswordExpiryTest {

  @InjectRealm(fromJson = GfmisRealmConfig.REALM_JSON, config = GfmisRealmConfig.class)
  ManagedRealm realm;

  @InjectMailServer MailServer mailServer;

  @InjectWebDriver ManagedWebDriver webDriver;

  @InjectAdminClient Keycloak adminClient;

  @InjectKeycloakUrls KeycloakUrls urls;

  @Test
  void expiredOtpAndExpiredTemporaryPasswordAreRefused() throws Exception {
    Pages pages = new Pages(webDriver.driver());
    Mailbox mailbox = new Mailbox(mailServer);
    ResetSteps steps = new ResetSteps(pages, realm.getBaseUrl());
    Holders holders = new Holders(adminClient, realm, urls.getBase());
    RealmSettings settings = new RealmSettings(realm);
    settings.authenticatorConfig(
        RealmSettings.RESET_OTP_CONFIG,
        Map.of("otpLifetimeMinutes", "1", "resendCooldownMinutes", "0"));
    settings.temporaryPasswordLifetimeMinutes(1);

    Holder withTemporaryPassword = holders.create("th");
    steps.openForm("th");
    steps.requestOtp(withTemporaryPassword);
    steps.verifyOtp(mailbox.awaitMessage(1).otp());
    steps.requestTemporaryPassword();
    String temporaryPassword = mailbox.awaitMessage(2).temporaryPassword();

    Holder withOtp = holders.create("th");
    steps.openForm("th");
    steps.requestOtp(withOtp);
    String otp = mailbox.awaitMessage(3).otp();

    Thread.sleep(65_000);

    pages.submitOtp(otp);
    assertTrue(pages.message().contains("หมดอายุ"), pages.message());
    assertFalse(pages.isShown("gfmis-data-confirmed"));

    pages.open(new GfmisClient(realm.getBaseUrl()).authorizationUrl("th"));
    pages.signIn(withTemporaryPassword.userId(), temporaryPassword);
    pages.awaitShown("gfmis-temporary-password-expired");
    assertFalse(pages.isShown("password-new"), "no way to set a password from here");
  }
}
