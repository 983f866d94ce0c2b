package th.gfmis.keycloak.it.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.RealmSettings;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.it.support.pages.ResetConfirmedPage;
import th.gfmis.keycloak.it.support.pages.TemporaryPasswordExpiredPage;
import th.gfmis.keycloak.softtoken.cli.SoftTokenClientException;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;

/**
 * Lifetimes, with the operator settings at their smallest (one minute) so that the test waits only
 * once: an expired OTP and an expired temporary password are both refused.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class ForgottenPasswordExpiryIT extends AbstractResetFlowIT {

  @Test
  void expiredOtpAndExpiredTemporaryPasswordAreRefused() throws Exception {
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

    settings.requiredActionConfig(
        "gfmis-softtoken-enroll", Map.of("activationCodeTtlMinutes", "1"));
    Holder withActivationCode = holders.create("th");
    pages.open(new GfmisClient(realm.getBaseUrl()).authorizationUrl("th"));
    pages.signIn(withActivationCode.userId(), withActivationCode.password());
    String activationLink = new SoftTokenSteps(pages).activationLink();

    Holder withOtp = holders.create("th");
    steps.openForm("th");
    steps.requestOtp(withOtp);
    String otp = mailbox.awaitMessage(3).otp();

    Thread.sleep(65_000);

    pages.submitOtp(otp);
    assertTrue(pages.message().contains("หมดอายุ"), pages.message());
    assertFalse(new ResetConfirmedPage(pages).isShown());

    SoftTokenClientException lateEnrollment =
        assertThrows(
            SoftTokenClientException.class,
            () -> SoftTokenDevice.enroll(activationLink, "Late phone"));
    assertEquals("invalid_activation_code", lateEnrollment.error());

    pages.open(new GfmisClient(realm.getBaseUrl()).authorizationUrl("th"));
    pages.signIn(withTemporaryPassword.userId(), temporaryPassword);
    new TemporaryPasswordExpiredPage(pages).await();
    assertFalse(pages.isShown("password-new"), "no way to set a password from here");
  }
}
