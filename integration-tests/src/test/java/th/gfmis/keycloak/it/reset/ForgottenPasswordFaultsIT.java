package th.gfmis.keycloak.it.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.Cookie;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.RealmSettings;
import th.gfmis.keycloak.it.support.pages.ChangePasswordPage;
import th.gfmis.keycloak.it.support.pages.ResetConfirmedPage;
import th.gfmis.keycloak.it.support.pages.ResetIdentifyPage;
import th.gfmis.keycloak.it.support.pages.ResetOtpPage;

/**
 * Faults and misuse: an OTP used in another browser's or another user's flow, an OTP replayed after
 * editing, the mail server down at either e-mail, a double-submitted request for a new password.
 * The resend interval is set to zero here so that one holder can ask for several codes.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class ForgottenPasswordFaultsIT extends AbstractResetFlowIT {

  private static final String CLOSED_PORT = "1";

  @BeforeEach
  void setUp() {
    settings.authenticatorConfig(
        RealmSettings.RESET_OTP_CONFIG, Map.of("resendCooldownMinutes", "0"));
  }

  @Test
  void anOtpOpensOnlyTheFlowItWasSentFor() throws Exception {
    Holder first = holders.create("th");
    Holder second = holders.create("th");

    steps.openForm("th");
    steps.requestOtp(first);
    String otpOfFirstBrowser = mailbox.awaitMessage(1).otp();

    steps.openForm("th");
    steps.requestOtp(first);
    String otpOfSecondBrowser = mailbox.awaitMessage(2).otp();
    pages.submitOtp(otpOfFirstBrowser);
    assertTrue(pages.message().contains("ไม่ถูกต้อง"), "another browser's OTP: " + pages.message());

    steps.openForm("th");
    steps.requestOtp(second);
    String otpOfSecondUser = mailbox.awaitMessage(3).otp();
    pages.submitOtp(otpOfSecondBrowser);
    assertTrue(pages.message().contains("ไม่ถูกต้อง"), "another user's OTP: " + pages.message());

    // Editing the data (R-F5) voids the code: the old one is refused, a new one is needed.
    new ResetOtpPage(pages).edit();
    new ResetIdentifyPage(pages).await();
    steps.requestOtp(second);
    String newOtp = mailbox.awaitMessage(4).otp();
    pages.submitOtp(otpOfSecondUser);
    assertTrue(pages.message().contains("ไม่ถูกต้อง"), "replayed OTP: " + pages.message());
    steps.verifyOtp(newOtp);

    // The verified code is spent: going back and sending it again opens nothing new.
    webDriver.driver().navigate().back();
    if (pages.isShown("otp")) {
      pages.submitOtp(newOtp);
    }
    assertFalse(pages.bodyText().contains("เหลืออีก"), pages.bodyText());
    assertEquals(4, mailbox.count());
  }

  @Test
  void theMailServerDownChangesNothingAndRetryWorks() throws Exception {
    Holder holder = holders.create("th");
    String userId = holders.userId(holder);
    List<CredentialRepresentation> before = realm.admin().users().get(userId).credentials();
    ResetOtpPage otpPage = new ResetOtpPage(pages);
    ResetConfirmedPage confirmedPage = new ResetConfirmedPage(pages);
    String smtpPort = settings.smtpPort(CLOSED_PORT);
    try {
      steps.openForm("th");
      steps.identify(holder);
      otpPage.awaitResend();
      assertTrue(pages.message().contains("ไม่สามารถส่งอีเมลได้"), pages.message());
      assertFalse(pages.isShown("otp"), "no code to enter when none was sent");
      assertEquals("ลองอีกครั้ง", otpPage.resendLabel());
    } finally {
      settings.smtpPort(smtpPort);
    }
    otpPage.resend();
    otpPage.awaitReference();
    steps.verifyOtp(mailbox.awaitMessage(1).otp());

    settings.smtpPort(CLOSED_PORT);
    try {
      confirmedPage.requestPassword();
      confirmedPage.await();
      assertTrue(pages.message().contains("ไม่สามารถส่งอีเมลได้"), pages.message());
      assertEquals(before, realm.admin().users().get(userId).credentials(), "password unchanged");
      assertTrue(
          realm.admin().users().get(userId).toRepresentation().getRequiredActions().isEmpty());
    } finally {
      settings.smtpPort(smtpPort);
    }
    steps.requestTemporaryPassword();
    String temporaryPassword = mailbox.awaitMessage(2).temporaryPassword();
    pages.signIn(holder.userId(), temporaryPassword);
    new ChangePasswordPage(pages).await();
  }

  @Test
  void aDoubleSubmittedRequestSendsOnePassword() throws Exception {
    Holder holder = holders.create("th");
    steps.openForm("th");
    steps.requestOtp(holder);
    steps.verifyOtp(mailbox.awaitMessage(1).otp());

    String action = new ResetConfirmedPage(pages).formAction();
    String cookies =
        webDriver.driver().manage().getCookies().stream()
            .map(Cookie::toString)
            .map(c -> c.substring(0, c.indexOf(';')))
            .collect(Collectors.joining("; "));
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(action))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookies)
            .POST(HttpRequest.BodyPublishers.ofString("action=send"))
            .build();
    CompletableFuture<HttpResponse<String>> one =
        http.sendAsync(post, HttpResponse.BodyHandlers.ofString());
    CompletableFuture<HttpResponse<String>> two =
        http.sendAsync(post, HttpResponse.BodyHandlers.ofString());
    // Keycloak itself answers a replayed form with a redirect to the current page; either way
    // neither request may fail, and only one may send a password.
    assertTrue(
        List.of(200, 302).contains(one.get().statusCode()), "first: " + one.get().statusCode());
    assertTrue(
        List.of(200, 302).contains(two.get().statusCode()), "second: " + two.get().statusCode());

    mailbox.awaitMessage(2);
    Thread.sleep(2000);
    assertEquals(2, mailbox.count(), "one OTP and exactly one password");
  }
}
