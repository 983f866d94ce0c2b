package th.gfmis.keycloak.it.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import th.gfmis.keycloak.domain.MaskedEmail;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Mailbox;
import th.gfmis.keycloak.it.support.pages.ChangePasswordPage;
import th.gfmis.keycloak.it.support.pages.ResetConfirmedPage;
import th.gfmis.keycloak.it.support.pages.ResetIdentifyPage;
import th.gfmis.keycloak.it.support.pages.ResetOtpPage;

/**
 * The whole forgotten-password journey (R-F1 to R-F7) in a real browser against the real server:
 * from the GFMIS client's login page to a successful OIDC sign-in with the holder's own password.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class ForgottenPasswordJourneyIT extends AbstractResetFlowIT {

  @Test
  void holderResetsPasswordByOtpAndSignsInToGfmisWithANewOne() throws Exception {
    Holder holder = Holder.SOMCHAI;
    holders.grantEnrollment(holder); // the journey ends with the first Soft Token device
    GfmisClient gfmis = new GfmisClient(realm.getBaseUrl());

    pages.open(gfmis.authorizationUrl("th"));
    pages.clickForgotPassword();
    assertTrue(new ResetIdentifyPage(pages).instruction().contains("เลขประจำตัวประชาชน"));
    pages.screenshot("reset-1-identify");

    pages.submitIdentity(holder.userId(), holder.citizenId(), holder.email());
    ResetOtpPage otpPage = new ResetOtpPage(pages);
    otpPage.assertShown();
    String reference = otpPage.reference();
    assertTrue(reference.matches("[A-Z2-9]{6}"), reference);
    pages.screenshot("reset-2-otp");
    assertTrue(otpPage.sentTo().contains(MaskedEmail.mask(holder.email())));

    Mailbox.Mail otpMail = mailbox.awaitMessage(1);
    assertTrue(otpMail.to().contains(holder.email()));
    assertTrue(otpMail.subject().contains("New GFMIS Thai"), otpMail.subject());
    assertTrue(otpMail.subject().contains(reference), otpMail.subject());
    assertTrue(otpMail.text().contains(reference));
    assertTrue(otpMail.html().contains(otpMail.otp()));
    assertTrue(otpMail.text().contains("รหัส OTP"), "Thai e-mail for a Thai user");

    pages.submitOtp(otpMail.otp());
    ResetConfirmedPage confirmedPage = new ResetConfirmedPage(pages);
    confirmedPage.assertShown();
    assertTrue(confirmedPage.text().contains("ได้รับการยืนยันแล้ว"));
    pages.screenshot("reset-3-confirmed");
    confirmedPage.requestPassword();

    pages.awaitShown("kc-login");
    assertTrue(pages.message().contains(MaskedEmail.mask(holder.email())), pages.bodyText());
    pages.screenshot("reset-4-password-sent");
    Mailbox.Mail passwordMail = mailbox.awaitMessage(2);
    assertTrue(passwordMail.subject().contains(reference), passwordMail.subject());
    String temporaryPassword = passwordMail.temporaryPassword();
    assertNotEquals(Holder.DEMO_PASSWORD, temporaryPassword);

    pages.signIn(holder.userId(), Holder.DEMO_PASSWORD);
    assertFalse(pages.fieldError("username").isEmpty(), "the old password no longer works");

    pages.signIn(holder.userId(), temporaryPassword);
    new ChangePasswordPage(pages).await();
    pages.screenshot("reset-5-change-password");
    pages.changePassword(temporaryPassword, temporaryPassword);
    assertFalse(pages.fieldError("password-new").isEmpty(), "the temporary one is refused");
    pages.changePassword("short", "short");
    assertFalse(pages.fieldError("password-new").isEmpty(), "the realm policy applies");
    String ownPassword = "Somchai#Own2026";
    pages.changePassword(ownPassword, ownPassword);

    JsonNode tokens = gfmis.exchange(pages.awaitCallback());
    JsonNode idToken = GfmisClient.claims(tokens.get("id_token").asText());
    assertEquals(holder.username(), idToken.get("preferred_username").asText());

    Mailbox.Mail changedMail = mailbox.awaitMessage(3);
    assertTrue(changedMail.text().contains(holder.userId()), changedMail.text());

    UserRepresentation user = realm.admin().users().search(holder.username(), true).get(0);
    assertTrue(user.getRequiredActions().isEmpty(), "the forced change is done");
    assertNoSecretsInEvents(holder, otpMail.otp(), temporaryPassword, ownPassword);
  }

  private void assertNoSecretsInEvents(Holder holder, String otp, String... passwords) {
    List<EventRepresentation> events = realm.admin().getEvents();
    assertTrue(events.stream().anyMatch(e -> "SEND_RESET_PASSWORD".equals(e.getType())));
    assertTrue(events.stream().anyMatch(e -> "RESET_PASSWORD".equals(e.getType())));
    String digits = holder.citizenIdDigits();
    for (EventRepresentation event : events) {
      String details = String.valueOf(event.getDetails());
      assertFalse(details.contains(digits), "CID in event " + event.getType());
      assertFalse(details.contains(otp), "OTP in event " + event.getType());
      for (String password : passwords) {
        assertFalse(details.contains(password), "password in event " + event.getType());
      }
    }
  }
}
