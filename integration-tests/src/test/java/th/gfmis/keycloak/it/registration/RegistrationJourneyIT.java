package th.gfmis.keycloak.it.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static th.gfmis.keycloak.it.registration.ApiCaller.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Holders;
import th.gfmis.keycloak.it.support.Mailbox;
import th.gfmis.keycloak.it.support.ResetSteps;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.it.support.ThaidRealmConfig;
import th.gfmis.keycloak.it.support.pages.ChangePasswordPage;
import th.gfmis.keycloak.it.support.pages.GetCertificatePage;
import th.gfmis.keycloak.it.support.pages.ProofingPage;
import th.gfmis.keycloak.it.support.pages.RegistrationConfirmPage;
import th.gfmis.keycloak.it.support.pages.SoftTokenApprovePage;
import th.gfmis.keycloak.softtoken.cli.SoftTokenClientException;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;

/**
 * The holder's whole registration in headless Chromium against the real server, with the login at
 * the ThaID stand-in and real SMTP: a new holder registers, is approved through the admin API,
 * signs in and meets Get Certificate; a holder with a new phone is approved at once; a holder who
 * lost the phone replaces it without it.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class RegistrationJourneyIT extends AbstractRegistrationIT {

  /** Demo user without a holder, and the stand-in person who takes it (มานี มีสุข). */
  static final String FREE_USER_ID = "T05005000000401";

  static final String MANEE = "1102000456780";

  /** Demo user T05005000000101, whose bound CID is Somchai's. */
  static final String SOMCHAI_USER_ID = "T05005000000101";

  @InjectKeycloakUrls KeycloakUrls urls;

  @InjectAdminClient Keycloak adminClient;

  @Test
  void aNewHolderRegistersIsApprovedAndReachesGetCertificate() throws Exception {
    String password = "Manee#Pass2026x";
    String email = "manee.m@demo.gfmis.local";
    steps.open("th");
    pages.screenshot("registration-1-identify");
    steps.identify(
        FREE_USER_ID.toLowerCase(), MANEE, RegistrationSteps.png("คำสั่งแต่งตั้ง.png"), email);
    int mails = mailbox.count();
    new ProofingPage(pages).await();
    pages.screenshot("registration-2-proofing");
    steps.proveIdentity(MANEE);
    pages.screenshot("registration-3-confirm");
    RegistrationConfirmPage confirm = new RegistrationConfirmPage(pages);
    assertEquals(FREE_USER_ID, confirm.userId());
    assertTrue(confirm.citizenId().endsWith("6780"), pages.bodyText());
    assertFalse(pages.bodyText().contains(MANEE), "the full CID is never shown");
    Mailbox.Mail mail = mailbox.awaitMessage(mails + 1);
    assertTrue(mail.to().contains(email), mail.to());
    assertTrue(mail.subject().contains(confirm.reference()), mail.subject());
    assertTrue(mail.text().contains(FREE_USER_ID), mail.text());
    steps.confirm(mail.otp(), password);
    assertEquals("REQUEST", steps.status());
    pages.screenshot("registration-4-status-request");

    // Days later, from the login page: the password leads to the status, not to Get Certificate.
    pages.open(new GfmisClient(realm.getBaseUrl()).authorizationUrl("th"));
    pages.signIn(FREE_USER_ID, password);
    assertEquals("REQUEST", steps.status());
    assertFalse(pages.isShown(GetCertificatePage.QR));

    ApiCaller approver = approver();
    JsonNode item = waitingRequest(approver, FREE_USER_ID);
    assertEquals("NEW_HOLDER", item.get("kind").asText());
    assertEquals("6780", item.get("cidLastFour").asText());
    assertEquals(email, item.get("email").asText());
    JsonNode detail = json(approver.get("/" + item.get("id").asText()));
    assertEquals("image/png", detail.get("order").get("contentType").asText(), detail.toString());
    assertFalse(detail.get("order").get("filename").asText().contains("/"), detail.toString());
    approve(approver, item);

    GfmisClient client = new GfmisClient(realm.getBaseUrl());
    pages.open(client.authorizationUrl("th"));
    pages.signIn(FREE_USER_ID, password);
    pages.awaitShown(GetCertificatePage.QR);
  }

  /**
   * R-P1 for a new or lost phone: the holder registers again, ThaID proves the CID already bound to
   * the user ID, and approval is skipped. The next sign-in does not ask the old phone (it may be
   * lost): the password leads to Get Certificate, the new phone replaces the old one (whose
   * certificate is revoked), and the holder is e-mailed. (A holder who still has the old phone can
   * also approve on it and replace it without registering: {@code DeviceBindingIT}.)
   */
  @Test
  void aHolderWithANewOrLostPhoneRegistersAgainAndTheNewPhoneReplacesTheOld() throws Exception {
    String password = "Gfmis@Demo2026";
    String email = "somchai.j@demo.gfmis.local";
    String id = realm.admin().users().search(SOMCHAI_USER_ID, true).get(0).getId();
    assertEquals(
        201,
        new Holders(adminClient, realm, urls.getBase()).enrollmentGrant("POST", id).statusCode());
    GfmisClient gfmis = new GfmisClient(realm.getBaseUrl());
    SoftTokenSteps softToken = new SoftTokenSteps(pages);
    pages.openSignedOut(realm.getBaseUrl(), gfmis.authorizationUrl("en"));
    pages.signIn(SOMCHAI_USER_ID, password);
    SoftTokenDevice lostPhone = softToken.enroll("Lost phone");
    gfmis.exchange(pages.awaitCallback());

    steps.open("en");
    steps.identify(
        SOMCHAI_USER_ID, ThaidRealmConfig.SOMCHAI, RegistrationSteps.png("order.png"), email);
    int mails = mailbox.countTo(email);
    steps.proveIdentity(ThaidRealmConfig.SOMCHAI);
    steps.confirm(mailbox.awaitMessageTo(email, mails + 1).otp(), null);
    assertEquals("APPROVED", steps.status());
    mailbox.awaitMessageTo(email, mails + 2);

    pages.openSignedOut(realm.getBaseUrl(), gfmis.authorizationUrl("en"));
    pages.signIn(SOMCHAI_USER_ID, password);
    assertFalse(pages.isShown(SoftTokenApprovePage.NUMBER), "the old phone is not asked");
    SoftTokenDevice newPhone = softToken.enroll("New phone");
    gfmis.exchange(pages.awaitCallback());
    assertEquals("active", newPhone.status().state());
    assertEquals(
        "certificate_revoked",
        assertThrows(SoftTokenClientException.class, lostPhone::status).error());
    Mailbox.Mail replaced = mailbox.awaitMessageTo(email, mails + 3);
    assertTrue(
        replaced.text().contains("Lost phone") && replaced.text().contains("New phone"),
        replaced.text());
  }

  /**
   * A holder change (R-S5, R-Q1) through the pages: วิไล registers for Anan's user ID with her own
   * CID, so the request waits for approval and she chooses no password yet. On approval Anan is
   * told and his password is gone; วิไล sets hers with "Forgot password" (her CID, now the bound
   * one, and the e-mail she confirmed) and reaches Get Certificate.
   */
  @Test
  void aHolderChangeWaitsForApprovalAndTheNewHolderTakesOver() throws Exception {
    Holder wilai =
        new Holder(Holder.ANAN.userId(), ThaidRealmConfig.WILAI, "wilai.w@demo.gfmis.local", null);
    steps.open("en");
    steps.identify(
        wilai.userId(), wilai.citizenId(), RegistrationSteps.png("order.png"), wilai.email());
    steps.proveIdentity(wilai.citizenId());
    assertFalse(pages.isShown("password"), "the password waits for the approval");
    steps.confirm(mailbox.awaitMessageTo(wilai.email(), 1).otp(), null);
    assertEquals("REQUEST", steps.status());

    ApiCaller approver = approver();
    JsonNode item = waitingRequest(approver, wilai.userId());
    assertEquals("HOLDER_CHANGE", item.get("kind").asText());
    approve(approver, item);
    assertTrue(
        mailbox.awaitMessageTo(Holder.ANAN.email(), 1).text().contains(wilai.userId()),
        "the previous holder is told");
    assertTrue(
        mailbox.awaitMessageTo(wilai.email(), 2).text().contains("Forgot password"),
        "the new holder is told how to set a password");

    pages.openSignedOut(
        realm.getBaseUrl(), new GfmisClient(realm.getBaseUrl()).authorizationUrl("en"));
    pages.signIn(Holder.ANAN.userId(), Holder.DEMO_PASSWORD);
    assertFalse(pages.fieldError("username").isEmpty(), "the previous holder's password is gone");

    ResetSteps reset = new ResetSteps(pages, realm.getBaseUrl());
    GfmisClient gfmis = reset.openForm("en");
    reset.requestOtp(wilai);
    reset.verifyOtp(mailbox.awaitMessageTo(wilai.email(), 3).otp());
    reset.requestTemporaryPassword();
    String temporary = mailbox.awaitMessageTo(wilai.email(), 4).temporaryPassword();
    pages.signIn(wilai.userId(), temporary);
    new ChangePasswordPage(pages).await();
    pages.changePassword("Wilai#Own2026x", "Wilai#Own2026x");
    new SoftTokenSteps(pages).enroll("Wilai's phone");
    JsonNode idToken =
        GfmisClient.claims(gfmis.exchange(pages.awaitCallback()).get("id_token").asText());
    assertEquals(wilai.username(), idToken.get("preferred_username").asText());
  }

  /** An approver of its own (each test makes one). */
  private ApiCaller approver() {
    return ApiCaller.create(
        realm,
        urls.getBase(),
        "it-journey-approver-" + UUID.randomUUID(),
        List.of("gfmis-registration-approver"),
        List.of());
  }

  /** The one request of {@code userId} that waits for approval. */
  private static JsonNode waitingRequest(ApiCaller approver, String userId) throws Exception {
    JsonNode queue = json(approver.get("?status=REQUEST&userIdPrefix=" + userId));
    assertEquals(1, queue.get("total").asLong(), queue.toString());
    return queue.get("items").get(0);
  }

  private static void approve(ApiCaller approver, JsonNode item) throws Exception {
    HttpResponse<String> approved =
        approver.post(
            "/" + item.get("id").asText() + "/approve",
            "{\"version\":" + item.get("version").asLong() + "}");
    assertEquals(200, approved.statusCode(), approved.body());
  }
}
