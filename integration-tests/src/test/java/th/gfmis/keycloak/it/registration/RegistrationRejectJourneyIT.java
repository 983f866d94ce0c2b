package th.gfmis.keycloak.it.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static th.gfmis.keycloak.it.registration.ApiCaller.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Mailbox;
import th.gfmis.keycloak.it.support.RealmSettings;
import th.gfmis.keycloak.it.support.pages.RegistrationIdentifyPage;
import th.gfmis.keycloak.it.support.pages.RegistrationStatusPage;

/**
 * Reject and fix (R-S3): the approver rejects with a reason, the holder is e-mailed, signs in,
 * reads the reason on the status page, and fixes the request with a new file without starting over:
 * the same registration goes back to Request.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class RegistrationRejectJourneyIT extends AbstractRegistrationIT {

  @InjectKeycloakUrls KeycloakUrls urls;

  @Test
  void aRejectedRequestIsFixedAndResubmittedIntoTheSameRegistration() throws Exception {
    // A holder fixes a rejected request hours later; this test does it at once, inside the OTP
    // resend interval (R-Q2, 5 minutes per user), which would hold back the second OTP.
    new RealmSettings(realm)
        .authenticatorConfig(
            "gfmis registration",
            "gfmis registration confirm",
            Map.of("resendIntervalMinutes", "0"));
    String password = "Manee#Fix2026xyz";
    String email = "manee.m@demo.gfmis.local";
    steps.open("en");
    steps.identify(
        RegistrationJourneyIT.FREE_USER_ID,
        RegistrationJourneyIT.MANEE,
        RegistrationSteps.png("blurred.png"),
        email);
    int mails = mailbox.count();
    steps.proveIdentity(RegistrationJourneyIT.MANEE);
    steps.confirm(mailbox.awaitMessage(mails + 1).otp(), password);
    assertEquals("REQUEST", steps.status());

    ApiCaller approver =
        ApiCaller.create(
            realm,
            urls.getBase(),
            "it-reject-approver",
            List.of("gfmis-registration-approver"),
            List.of());
    JsonNode item =
        json(approver.get("?userIdPrefix=" + RegistrationJourneyIT.FREE_USER_ID))
            .get("items")
            .get(0);
    String id = item.get("id").asText();
    mails = mailbox.count();
    HttpResponse<String> rejected =
        approver.post(
            "/" + id + "/reject",
            "{\"version\":"
                + item.get("version").asLong()
                + ",\"reason\":\"The order scan cannot be read\"}");
    assertEquals(200, rejected.statusCode(), rejected.body());
    Mailbox.Mail decision = mailbox.awaitMessage(mails + 1);
    assertTrue(decision.to().contains(email), decision.to());
    assertTrue(decision.text().contains("The order scan cannot be read"), decision.text());

    // The holder signs in, reads the reason, and fixes the request without starting over.
    steps.forgetTheStandInsSession();
    pages.open(new GfmisClient(realm.getBaseUrl()).authorizationUrl("en"));
    pages.signIn(RegistrationJourneyIT.FREE_USER_ID, password);
    assertEquals("REJECT", steps.status());
    assertTrue(
        new RegistrationStatusPage(pages).reason().contains("The order scan cannot be read"),
        pages.bodyText());
    new RegistrationStatusPage(pages).fix();
    new RegistrationIdentifyPage(pages).await();
    steps.identify(
        RegistrationJourneyIT.FREE_USER_ID,
        RegistrationJourneyIT.MANEE,
        RegistrationSteps.png("clear.png"),
        email);
    mails = mailbox.count();
    steps.proveIdentity(RegistrationJourneyIT.MANEE);
    // A new holder chooses the password on every submission; the realm forbids the last five.
    steps.confirm(mailbox.awaitMessage(mails + 1).otp(), "Manee#Fixed2026xyz");
    assertEquals("REQUEST", steps.status());

    JsonNode queue = json(approver.get("?userIdPrefix=" + RegistrationJourneyIT.FREE_USER_ID));
    assertEquals(1, queue.get("total").asLong(), "the same registration: " + queue);
    assertEquals(id, queue.get("items").get(0).get("id").asText());
    JsonNode detail = json(approver.get("/" + id));
    assertEquals("clear.png", detail.get("order").get("filename").asText(), detail.toString());
  }
}
