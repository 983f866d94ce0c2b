package th.gfmis.keycloak.it.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.BadRequestException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.PlainBrowser;
import th.gfmis.keycloak.it.support.RealmSettings;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.it.support.pages.GetCertificatePage;
import th.gfmis.keycloak.it.support.pages.ResetIdentifyPage;

/**
 * An administrator mistypes a setting. Required actions refuse the value when it is saved;
 * authenticator settings cannot be checked on save in Keycloak 26.7, so the step refuses to run
 * with a clear page (and a log line naming the setting) instead of failing inside.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class SettingsValidationIT extends AbstractResetFlowIT {

  private static final String ENROLL_ACTION = "gfmis-softtoken-enroll";
  private static final String MISCONFIGURED_EN = "This sign-in step is not configured correctly";
  private static final String MISCONFIGURED_TH = "ขั้นตอนการเข้าใช้งานนี้ตั้งค่าไว้ไม่ถูกต้อง";

  @Test
  void requiredActionSettingsOutOfRangeAreRefusedWhenSaved() {
    String refused =
        refusedSave(RealmSettings.TEMPORARY_PASSWORD_ACTION, Map.of("lifetimeMinutes", "0"));
    assertTrue(refused.contains("lifetimeMinutes must be a whole number from 1 to 10080"), refused);
    assertEquals(
        "1440",
        realm
            .admin()
            .flows()
            .getRequiredActionConfig(RealmSettings.TEMPORARY_PASSWORD_ACTION)
            .getConfig()
            .get("lifetimeMinutes"),
        "the old value stays");

    assertTrue(
        refusedSave(ENROLL_ACTION, Map.of("activationCodeTtlMinutes", "0"))
            .contains("activationCodeTtlMinutes"));
    assertTrue(
        refusedSave(ENROLL_ACTION, Map.of("certificateLifetimeDays", "two years"))
            .contains("certificateLifetimeDays"));

    settings.requiredActionConfig(
        ENROLL_ACTION, Map.of("activationCodeTtlMinutes", "15", "certificateLifetimeDays", "365"));
    assertEquals(
        "15",
        realm
            .admin()
            .flows()
            .getRequiredActionConfig(ENROLL_ACTION)
            .getConfig()
            .get("activationCodeTtlMinutes"),
        "a value in range is saved");
  }

  @Test
  void aZeroOtpLifetimeGivesTheHolderAClearPageNotAServerError() throws Exception {
    Holder holder = holders.create("en");
    int mailsBefore = mailbox.count();
    settings.authenticatorConfig(RealmSettings.RESET_OTP_CONFIG, Map.of("otpLifetimeMinutes", "0"));
    try {
      PlainBrowser browser = new PlainBrowser();
      browser.open(new GfmisClient(realm.getBaseUrl()).authorizationUrl("en"));
      browser.follow("login-actions/reset-credentials");
      HttpResponse<String> answer =
          browser.submit(
              ResetIdentifyPage.FORM,
              CitizenIdKeyRotationIT.identity(holder.userId(), holder.citizenId(), holder.email()));
      assertTrue(
          answer.body().contains(MISCONFIGURED_EN),
          "status " + answer.statusCode() + ":\n" + answer.body());
      assertEquals(400, answer.statusCode());
      assertEquals(mailsBefore, mailbox.count(), "no OTP went out");
    } finally {
      settings.authenticatorConfig(
          RealmSettings.RESET_OTP_CONFIG, Map.of("otpLifetimeMinutes", "10"));
    }
  }

  @Test
  void aZeroSoftTokenLimitGivesAClearPageInThaiNotAnIgnoredValue() throws Exception {
    Holder holder = holders.create("th");
    pages.open(new GfmisClient(realm.getBaseUrl()).authorizationUrl("th"));
    pages.signIn(holder.userId(), holder.password());
    new SoftTokenSteps(pages).enroll("Phone");
    settings.authenticatorConfig("gfmis browser", "gfmis softtoken", Map.of("maxFailures", "0"));
    try {
      PlainBrowser browser = new PlainBrowser();
      browser.open(new GfmisClient(realm.getBaseUrl()).authorizationUrl("th"));
      HttpResponse<String> answer =
          browser.submit(
              "kc-form-login", Map.of("username", holder.userId(), "password", holder.password()));
      assertTrue(
          answer.body().contains(MISCONFIGURED_TH),
          "status " + answer.statusCode() + ":\n" + answer.body());
      assertEquals(400, answer.statusCode());
      assertFalse(answer.body().contains(GetCertificatePage.FORM));
    } finally {
      settings.authenticatorConfig("gfmis browser", "gfmis softtoken", Map.of("maxFailures", "5"));
    }
  }

  private String refusedSave(String action, Map<String, String> options) {
    BadRequestException refused =
        assertThrows(
            BadRequestException.class, () -> settings.requiredActionConfig(action, options));
    return refused.getResponse().readEntity(String.class);
  }
}
