package th.gfmis.keycloak.it.softtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.util.JsonSerialization;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Holders;
import th.gfmis.keycloak.it.support.Mailbox;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.it.support.pages.EnrollRefusedPage;
import th.gfmis.keycloak.it.support.pages.GetCertificatePage;
import th.gfmis.keycloak.it.support.pages.SoftTokenApprovePage;
import th.gfmis.keycloak.softtoken.cli.SoftTokenClientException;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;
import th.gfmis.keycloak.softtoken.protocol.ActivationUri;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;

/**
 * The Soft Token stays bound to its holder: someone who knows only the password cannot add or
 * replace a device, through any client or {@code kc_action}; an activation code stops working when
 * the reason it was issued for has lapsed; parallel enrollments leave one device.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class DeviceBindingIT extends AbstractSoftTokenIT {

  @InjectMailServer MailServer mailServer;

  static final String ENROLL_ACTION = "&kc_action=gfmis-softtoken-enroll";

  @Test
  void thePasswordAloneCannotReplaceTheDeviceThroughTheAccountConsole() throws Exception {
    attackerWithThePasswordStartsGetCertificate(GfmisClient.accountConsole(realm.getBaseUrl()));
  }

  @Test
  void thePasswordAloneCannotReplaceTheDeviceThroughTheDemoClient() throws Exception {
    attackerWithThePasswordStartsGetCertificate(GfmisClient.demoApp(realm.getBaseUrl()));
  }

  /**
   * The holder has a phone. The attacker knows the password, opens a password-level client with
   * {@code kc_action=gfmis-softtoken-enroll} and signs in: no activation code for them, and the
   * holder's phone keeps working (it sees the attempt as a sign-in to deny).
   */
  private void attackerWithThePasswordStartsGetCertificate(GfmisClient client) throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice holderPhone = enrollNew(holder, "Holder phone");

    openFresh(client.authorizationUrl("en") + ENROLL_ACTION);
    pages().signIn(holder.userId(), holder.password());
    String shown =
        awaitOneOf(GetCertificatePage.QR, SoftTokenApprovePage.NUMBER, EnrollRefusedPage.REFUSED);
    if (GetCertificatePage.QR.equals(shown)) {
      String outcome;
      try {
        SoftTokenDevice.enroll(new SoftTokenSteps(pages()).readQrCode(), "Attacker phone");
        outcome =
            "the attacker's device was enrolled; the holder's phone now gets: "
                + state(holderPhone);
      } catch (SoftTokenClientException e) {
        outcome = "the device API refused it (" + e.error() + ")";
      }
      throw new AssertionError("the password alone was given an activation code; " + outcome);
    }
    if (SoftTokenApprovePage.NUMBER.equals(shown)) {
      // Keycloak raised the level for the kc_action: the holder's phone is asked, and denies.
      PendingChallenge attempt = SoftTokenSteps.awaitChallenge(holderPhone);
      holderPhone.deny(attempt.id());
      assertEquals("denied", new SoftTokenSteps(pages()).awaitResult());
      assertFalse(pages().isShown(GetCertificatePage.QR));
    }
    assertEquals("active", holderPhone.status().state(), "the holder's phone still works");
    assertEquals(1, devices(holder));
  }

  @Test
  void replacingTheDeviceNeedsApprovalOnTheCurrentPhone() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice oldPhone = enrollNew(holder, "Old phone");
    Pages pages = pages();
    SoftTokenSteps steps = new SoftTokenSteps(pages);

    openFresh(
        GfmisClient.accountConsole(realm.getBaseUrl()).authorizationUrl("en") + ENROLL_ACTION);
    pages.signIn(holder.userId(), holder.password());
    steps.approve(oldPhone);
    SoftTokenDevice newPhone = steps.enroll("New phone");
    new WebDriverWait(pages.driver(), Duration.ofSeconds(30))
        .until(d -> d.getCurrentUrl().startsWith(realm.getBaseUrl() + "/account"));
    assertEquals(
        "certificate_revoked",
        assertThrows(SoftTokenClientException.class, oldPhone::status).error());
    assertEquals("active", newPhone.status().state());
    assertEquals(1, devices(holder));
  }

  /**
   * A user who never had a device and holds no grant gets no activation code on the password alone:
   * not at the Soft Token level (GFMIS sends them to "Get Certificate", which explains), not by
   * {@code kc_action} from a password-level client. An administrator's grant then lets them in.
   */
  @Test
  void thePasswordAloneCannotEnrollAFirstDevice() throws Exception {
    Holders holders = new Holders(adminClient, realm, urls.getBase());
    Holder newcomer = holders.createWithoutGrant("en");
    Pages pages = pages();

    openFresh(new GfmisClient(realm.getBaseUrl()).authorizationUrl("en"));
    pages.signIn(newcomer.userId(), newcomer.password());
    assertEquals(
        EnrollRefusedPage.REFUSED,
        awaitOneOf(GetCertificatePage.QR, EnrollRefusedPage.REFUSED),
        "at the Soft Token level");
    assertTrue(
        new EnrollRefusedPage(pages).explainsFirstDevice(),
        "told that the administrator allows a first device: " + pages.bodyText());

    openFresh(GfmisClient.demoApp(realm.getBaseUrl()).authorizationUrl("en") + ENROLL_ACTION);
    pages.signIn(newcomer.userId(), newcomer.password());
    assertEquals(
        EnrollRefusedPage.REFUSED,
        awaitOneOf(GetCertificatePage.QR, EnrollRefusedPage.REFUSED),
        "by kc_action");
    assertEquals(0, devices(newcomer));

    holders.grantEnrollment(newcomer);
    SoftTokenDevice phone = enrollNew(newcomer, "First phone");
    assertEquals("active", phone.status().state());
  }

  /**
   * A code shown in one sign-in stops working once another code under the same grant has enrolled a
   * device: the grant is used up, and using the code would replace that device with the password
   * alone.
   */
  @Test
  void aGrantCodeLapsesOnceADeviceIsEnrolled() throws Exception {
    Holder holder = newHolder();
    String first = codeAtThePasswordLevel(holder);
    String second = codeAtThePasswordLevel(holder);
    SoftTokenDevice phone = SoftTokenDevice.enroll(second, "Phone");
    SoftTokenClientException e =
        assertThrows(SoftTokenClientException.class, () -> SoftTokenDevice.enroll(first, "Other"));
    assertEquals("invalid_activation_code", e.error());
    assertEquals("active", phone.status().state());
    assertEquals(1, devices(holder));
  }

  @Test
  void parallelEnrollmentsLeaveOneDevice() throws Exception {
    Holder holder = newHolder();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      codes.add(codeAtThePasswordLevel(holder));
    }
    ExecutorService pool = Executors.newFixedThreadPool(codes.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < codes.size(); i++) {
        String code = codes.get(i);
        String name = "Parallel " + i;
        Callable<Boolean> enroll =
            () -> {
              start.await();
              try {
                SoftTokenDevice.enroll(code, name);
                return true;
              } catch (SoftTokenClientException e) {
                return false;
              }
            };
        results.add(pool.submit(enroll));
      }
      start.countDown();
      int enrolled = 0;
      for (Future<Boolean> result : results) {
        enrolled += result.get() ? 1 : 0;
      }
      assertEquals(1, enrolled, "one enrollment wins");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, devices(holder), "one credential");
  }

  /**
   * One rule for a holder whose device was revoked: no new code on the password alone, whether they
   * come through GFMIS (the Soft Token level) or a kc_action; a password-level sign-in is not sent
   * to "Get Certificate" at all.
   */
  @Test
  void aHolderWhoseDeviceWasRevokedIsNotOfferedANewOneOnThePasswordAlone() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice phone = enrollNew(holder, "Phone");
    phone.revoke();
    Pages pages = pages();

    openFresh(new GfmisClient(realm.getBaseUrl()).authorizationUrl("en"));
    pages.signIn(holder.userId(), holder.password());
    assertEquals(
        EnrollRefusedPage.REFUSED,
        awaitOneOf(GetCertificatePage.QR, EnrollRefusedPage.REFUSED),
        "at the Soft Token level");
    assertTrue(pages.bodyText().contains("administrator"), pages.bodyText());

    openFresh(GfmisClient.demoApp(realm.getBaseUrl()).authorizationUrl("en") + ENROLL_ACTION);
    pages.signIn(holder.userId(), holder.password());
    assertEquals(
        EnrollRefusedPage.REFUSED,
        awaitOneOf(GetCertificatePage.QR, EnrollRefusedPage.REFUSED),
        "by kc_action");

    GfmisClient console = GfmisClient.accountConsole(realm.getBaseUrl());
    openFresh(console.authorizationUrl("en"));
    pages.signIn(holder.userId(), holder.password());
    new WebDriverWait(pages.driver(), Duration.ofSeconds(30))
        .until(
            d ->
                console.isOwnCallback(d.getCurrentUrl())
                    || !d.findElements(By.id(GetCertificatePage.QR)).isEmpty()
                    || !d.findElements(By.id(EnrollRefusedPage.REFUSED)).isEmpty());
    assertTrue(
        console.isOwnCallback(pages.currentUrl()),
        "the password level goes straight to the account console: " + pages.bodyText());
  }

  /**
   * The lost-phone path: an administrator grants one enrollment. It works once, then is used up; it
   * can be withdrawn; the holder is e-mailed about every device registered and removed.
   */
  @Test
  void anEnrollmentGrantAllowsOneNewDeviceOnceAndTheHolderIsEmailed() throws Exception {
    Mailbox mailbox = new Mailbox(mailServer);
    Holder holder = newHolder();
    Holders holders = new Holders(adminClient, realm, urls.getBase());
    String userId = holders.userId(holder);
    SoftTokenDevice lost = enrollNew(holder, "Lost phone");
    Mailbox.Mail enrolled = mailbox.awaitMessage(1);
    assertEquals("New GFMIS Thai: a Soft Token device was registered", enrolled.subject());
    assertTrue(enrolled.text().contains("\"Lost phone\""), enrolled.text());
    assertTrue(enrolled.text().contains(holder.userId()), enrolled.text());
    assertTrue(enrolled.text().contains("If this was not you"), enrolled.text());
    assertTrue(enrolled.html().contains("Lost phone"), enrolled.html());

    lost.revoke();
    Mailbox.Mail revoked = mailbox.awaitMessage(2);
    assertEquals("New GFMIS Thai: your Soft Token device was removed", revoked.subject());
    assertTrue(revoked.text().contains("cancelled in the Soft Token app"), revoked.text());

    assertTrue(holders.enrollmentGrant("GET", userId).body().contains("\"granted\":false"));
    HttpResponse<String> granted = holders.enrollmentGrant("POST", userId);
    assertEquals(201, granted.statusCode(), granted.body());
    JsonNode grant = JsonSerialization.readValue(granted.body(), JsonNode.class);
    assertTrue(grant.get("granted").asBoolean());
    Duration validity =
        Duration.between(
            Instant.parse(grant.get("grantedAt").asText()),
            Instant.parse(grant.get("expiresAt").asText()));
    assertEquals(Duration.ofDays(7), validity, "the default grant lifetime");
    assertFalse(granted.body().contains(":\"v1"), "the grant's id is not shown");
    assertTrue(holders.enrollmentGrant("GET", userId).body().contains("\"granted\":true"));
    assertTrue(
        realm.admin().getAdminEvents().stream()
            .anyMatch(e -> e.getResourcePath().endsWith(userId + "/softtoken/enrollment-grant")),
        "granting is an admin event");

    SoftTokenDevice replacement = enrollNew(holder, "Replacement phone");
    assertEquals("active", replacement.status().state());
    assertTrue(mailbox.awaitMessage(3).text().contains("Replacement phone"));
    assertTrue(
        holders.enrollmentGrant("GET", userId).body().contains("\"granted\":false"),
        "the enrollment used the grant up");

    // Used once: after another loss, the password alone gets no new device.
    replacement.revoke();
    mailbox.awaitMessage(4);
    openFresh(new GfmisClient(realm.getBaseUrl()).authorizationUrl("en"));
    pages().signIn(holder.userId(), holder.password());
    assertEquals(
        EnrollRefusedPage.REFUSED, awaitOneOf(GetCertificatePage.QR, EnrollRefusedPage.REFUSED));

    // A withdrawn grant allows nothing either.
    assertEquals(201, holders.enrollmentGrant("POST", userId).statusCode());
    assertEquals(204, holders.enrollmentGrant("DELETE", userId).statusCode());
    openFresh(new GfmisClient(realm.getBaseUrl()).authorizationUrl("en"));
    pages().signIn(holder.userId(), holder.password());
    assertEquals(
        EnrollRefusedPage.REFUSED, awaitOneOf(GetCertificatePage.QR, EnrollRefusedPage.REFUSED));
    assertEquals(404, holders.enrollmentGrant("POST", "no-such-user").statusCode());
  }

  /**
   * Revoking the device from the app ends every session the Soft Token opened (the sign-in that
   * enrolled it and a later approved one); a session at the password level (account console) is not
   * ended.
   */
  @Test
  void revokingTheDeviceEndsTheSessionsAtTheSoftTokenLevel() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice phone = enrollNew(holder, "Phone");
    GfmisClient gfmis = signInToGfmis(holder);
    new SoftTokenSteps(pages()).approve(phone);
    gfmis.exchange(pages().awaitCallback());
    signInToTheAccountConsole(holder);
    assertEquals(List.of("account-console", "gfmis", "gfmis"), sessionClients(holder));

    phone.revoke();
    assertEquals(
        List.of("account-console"),
        sessionClients(holder),
        "the two Soft Token sessions ended, the password-level one stays");
  }

  /** A replacement after approval on the current phone is mailed naming both devices. */
  @Test
  void aReplacementIsMailedNamingBothDevices() throws Exception {
    Mailbox mailbox = new Mailbox(mailServer);
    Holder holder = newHolder();
    SoftTokenDevice oldPhone = enrollNew(holder, "Old phone");
    mailbox.awaitMessage(1);
    Pages pages = pages();
    SoftTokenSteps steps = new SoftTokenSteps(pages);
    GfmisClient gfmis = new GfmisClient(realm.getBaseUrl());
    openFresh(gfmis.authorizationUrl("en") + ENROLL_ACTION);
    pages.signIn(holder.userId(), holder.password());
    steps.approve(oldPhone);
    steps.enroll("New phone");
    gfmis.exchange(pages.awaitCallback());
    Mailbox.Mail replaced = mailbox.awaitMessage(2);
    assertEquals("New GFMIS Thai: your Soft Token device was replaced", replaced.subject());
    assertTrue(replaced.text().contains("\"New phone\" replaced \"Old phone\""), replaced.text());
  }

  /** An administrator removing the device on the user's Credentials tab: the holder is told. */
  @Test
  void aRemovalByAnAdministratorIsMailed() throws Exception {
    Mailbox mailbox = new Mailbox(mailServer);
    Holder holder = newHolder();
    SoftTokenDevice phone = enrollNew(holder, "Office phone");
    mailbox.awaitMessage(1);
    String userId = new Holders(adminClient, realm, urls.getBase()).userId(holder);
    String credentialId =
        realm.admin().users().get(userId).credentials().stream()
            .filter(c -> "gfmis-softtoken".equals(c.getType()))
            .findFirst()
            .orElseThrow()
            .getId();
    assertEquals(List.of("gfmis"), sessionClients(holder));
    realm.admin().users().get(userId).removeCredential(credentialId);
    assertEquals(List.of(), sessionClients(holder), "the Soft Token session ended");
    Mailbox.Mail removed = mailbox.awaitMessage(2);
    assertEquals("New GFMIS Thai: your Soft Token device was removed", removed.subject());
    assertTrue(removed.text().contains("\"Office phone\""), removed.text());
    assertTrue(removed.text().contains("removed by an administrator"), removed.text());
    assertEquals(
        "certificate_revoked", assertThrows(SoftTokenClientException.class, phone::status).error());
  }

  /** The holder removing the device in the account console ("Remove"): mailed too. */
  @Test
  void aRemovalInTheAccountConsoleIsMailed() throws Exception {
    Mailbox mailbox = new Mailbox(mailServer);
    Holder holder = newHolder();
    SoftTokenDevice phone = enrollNew(holder, "Home phone");
    mailbox.awaitMessage(1);
    String userId = new Holders(adminClient, realm, urls.getBase()).userId(holder);
    String credentialId =
        realm.admin().users().get(userId).credentials().stream()
            .filter(c -> "gfmis-softtoken".equals(c.getType()))
            .findFirst()
            .orElseThrow()
            .getId();
    Pages pages = pages();
    openFresh(
        new GfmisClient(realm.getBaseUrl()).authorizationUrl("en")
            + "&kc_action=delete_credential:"
            + credentialId);
    pages.signIn(holder.userId(), holder.password());
    new SoftTokenSteps(pages).approve(phone);
    pages.awaitShown("kc-accept");
    pages.click("kc-accept");
    Mailbox.Mail removed = mailbox.awaitMessage(2);
    assertEquals(
        List.of(),
        sessionClients(holder),
        "every session approved with the removed device ended, the one that removed it included");
    assertEquals("New GFMIS Thai: your Soft Token device was removed", removed.subject());
    assertTrue(removed.text().contains("\"Home phone\""), removed.text());
    assertTrue(removed.text().contains("removed in your account settings"), removed.text());
  }

  /** In Thai for a Thai holder, with the Buddhist-era year. */
  @Test
  void theNoticeIsInThaiWithTheBuddhistEraYear() throws Exception {
    Mailbox mailbox = new Mailbox(mailServer);
    Holder holder = new Holders(adminClient, realm, urls.getBase()).create("th");
    enrollNew(holder, "โทรศัพท์ของสมชาย");
    Mailbox.Mail mail = mailbox.awaitMessage(1);
    assertTrue(mail.subject().contains("ลงทะเบียนอุปกรณ์ Soft Token"), mail.subject());
    String buddhistYear = Integer.toString(Year.now(ZoneId.of("Asia/Bangkok")).getValue() + 543);
    assertTrue(mail.text().contains(buddhistYear), mail.text());
    assertTrue(mail.text().contains("โทรศัพท์ของสมชาย"), mail.text());
  }

  /**
   * Device names that could disguise themselves in the consoles (bidi overrides, controls, too
   * long) are refused by the device API without using up the code; Thai names are kept as typed and
   * are what the account console lists.
   */
  @Test
  void deviceNamesThatCouldSpoofTheConsolesAreRefusedAndThaiIsKept() throws Exception {
    Holder holder = newHolder();
    String code = ActivationUri.parse(codeAtThePasswordLevel(holder)).code();
    DeviceApiCalls api = new DeviceApiCalls(realm.getBaseUrl());
    String csr =
        DeviceApiCalls.csr(
            DeviceApiCalls.ec("secp256r1"),
            DeviceApiCalls.ec("secp256r1").getPrivate(),
            "SHA256withECDSA");
    for (String badName :
        new String[] {
          "Phone\\u202Egnp.exe",
          "Phone\\u0007",
          "iso\\u2066late\\u2069",
          "mark\\u200F",
          "zero\\u200Bwidth",
          "x".repeat(65)
        }) {
      DeviceApiCalls.Answer answer =
          api.post(
              "enroll",
              "{\"activationCode\":\""
                  + code
                  + "\",\"csr\":\""
                  + csr
                  + "\",\"deviceName\":\""
                  + badName
                  + "\"}",
              null);
      assertEquals(400, answer.status(), badName + ": " + answer.body());
      assertEquals("invalid_request", answer.error(), badName);
    }
    String thai = "โทรศัพท์ของสมชาย (งาน)";
    SoftTokenDevice phone =
        SoftTokenDevice.enroll(
            ActivationUri.parse(pagesQr()), thai, SoftTokenDevice.Config.defaults());
    assertEquals(thai, phone.status().deviceName());

    // What the account console lists (its REST API, with a token of a Soft Token sign-in).
    GfmisClient gfmis = signInToGfmis(holder);
    new SoftTokenSteps(pages()).approve(phone);
    String token = gfmis.exchange(pages().awaitCallback()).get("access_token").asText();
    HttpResponse<String> list =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/account/credentials"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, list.statusCode(), list.body());
    assertTrue(list.body().contains("\"userLabel\":\"" + thai + "\""), list.body());
  }

  /** Signs in to the account console (the password level) in a fresh browser session. */
  private void signInToTheAccountConsole(Holder holder) {
    GfmisClient console = GfmisClient.accountConsole(realm.getBaseUrl());
    openFresh(console.authorizationUrl("en"));
    pages().signIn(holder.userId(), holder.password());
    new WebDriverWait(pages().driver(), Duration.ofSeconds(30))
        .until(d -> console.isOwnCallback(d.getCurrentUrl()));
  }

  /** The clients of the user's sessions, one entry per session and client, sorted. */
  private List<String> sessionClients(Holder holder) throws Exception {
    String id = new Holders(adminClient, realm, urls.getBase()).userId(holder);
    return realm.admin().users().get(id).getUserSessions().stream()
        .flatMap(s -> s.getClients().values().stream())
        .sorted()
        .toList();
  }

  private String pagesQr() {
    return new SoftTokenSteps(pages()).readQrCode();
  }

  /**
   * Signs in at the password level with kc_action and returns the activation code shown (the
   * holder's enrollment grant allows it).
   */
  private String codeAtThePasswordLevel(Holder holder) {
    openFresh(GfmisClient.demoApp(realm.getBaseUrl()).authorizationUrl("en") + ENROLL_ACTION);
    pages().signIn(holder.userId(), holder.password());
    return new SoftTokenSteps(pages()).readQrCode();
  }

  private SoftTokenDevice enrollNew(Holder holder, String deviceName) throws Exception {
    GfmisClient gfmis = signInToGfmis(holder);
    SoftTokenDevice device = new SoftTokenSteps(pages()).enroll(deviceName);
    gfmis.exchange(pages().awaitCallback());
    return device;
  }

  private String awaitOneOf(String... ids) {
    Pages pages = pages();
    new WebDriverWait(pages.driver(), Duration.ofSeconds(30))
        .until(
            d -> {
              for (String id : ids) {
                if (!d.findElements(By.id(id)).isEmpty()) {
                  return true;
                }
              }
              return false;
            });
    for (String id : ids) {
      if (pages.isShown(id)) {
        return id;
      }
    }
    throw new AssertionError("none of the expected pages: " + pages.bodyText());
  }

  private static String state(SoftTokenDevice device) {
    try {
      return device.status().state();
    } catch (SoftTokenClientException e) {
      return e.error();
    }
  }

  long devices(Holder holder) throws Exception {
    String id = new Holders(adminClient, realm, urls.getBase()).userId(holder);
    return realm.admin().users().get(id).credentials().stream()
        .filter(c -> "gfmis-softtoken".equals(c.getType()))
        .count();
  }
}
