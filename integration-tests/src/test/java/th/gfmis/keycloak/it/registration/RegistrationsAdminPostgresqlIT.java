package th.gfmis.keycloak.it.registration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static th.gfmis.keycloak.it.registration.ApiCaller.json;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import th.gfmis.keycloak.core.testing.Parallel;
import th.gfmis.keycloak.it.support.Cids;
import th.gfmis.keycloak.it.support.GfmisRealmConfig;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Holders;
import th.gfmis.keycloak.it.support.Mailbox;

/**
 * The registrations API on the production database: who may read and decide, what approval and
 * rejection do to the holder, and two approvers deciding at once. Registrations are seeded straight
 * into PostgreSQL until the holder's flow that creates them is merged; everything else is the real
 * server over HTTP with real SMTP.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
@EnabledIfSystemProperty(
    named = "kc.test.database.vendor",
    matches = "postgres",
    disabledReason = "seeds through PostgreSQL: runs in the postgresql execution")
class RegistrationsAdminPostgresqlIT {

  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
          .getBytes(StandardCharsets.US_ASCII);

  @InjectRealm(fromJson = GfmisRealmConfig.REALM_JSON, config = GfmisRealmConfig.class)
  ManagedRealm realm;

  @InjectMailServer MailServer mailServer;

  @InjectAdminClient Keycloak adminClient;

  @InjectKeycloakUrls KeycloakUrls urls;

  private Holders holders;
  private RegistrationSeeds seeds;
  private ApiCaller approver;

  @BeforeEach
  void setUp() {
    holders = new Holders(adminClient, realm, urls.getBase());
    seeds = new RegistrationSeeds(realm.getId());
    approver = caller("approver", List.of("gfmis-registration-approver"), List.of());
  }

  @Test
  void onlyApproversDecideAuditorsReadAndRealmAdministratorsGetNothing() throws Exception {
    ApiCaller auditor = caller("auditor", List.of("gfmis-registration-auditor"), List.of());
    ApiCaller realmAdmin = caller("admin", List.of(), List.of("realm-admin"));
    Holder holder = holders.createWithoutGrant("en");
    String id = seeds.request(seed(holder, "NEW_HOLDER", newCid(), "new-" + holder.email()));

    assertAccess(approver, true, true);
    assertAccess(auditor, true, false);
    assertAccess(realmAdmin, false, false);

    for (String path : List.of("", "/counts", "/" + id, "/" + id + "/order")) {
      assertEquals(403, realmAdmin.get(path).statusCode(), "realm admin on " + path);
      assertEquals(200, auditor.get(path).statusCode(), "auditor on " + path);
    }
    HttpResponse<String> audited = auditor.post("/" + id + "/approve", "{\"version\":1}");
    assertEquals(403, audited.statusCode(), audited.body());
    assertEquals(403, realmAdmin.post("/" + id + "/approve", "{\"version\":1}").statusCode());

    JsonNode detail = json(auditor.get("/" + id));
    assertEquals(holder.userId(), detail.get("userId").asText(), "the user ID in its GFMIS form");
    assertEquals("REQUEST", detail.get("status").asText());
    assertTrue(detail.get("decidedAt").isNull(), detail.toString());
    assertEquals("application/pdf", detail.get("order").get("contentType").asText());
    assertEquals("HOLDER", detail.get("history").get(0).get("actor").asText());
    assertFalse(detail.toString().contains("it-2026:"), "no CID hash in the API: " + detail);

    HttpResponse<byte[]> order = auditor.getBytes("/" + id + "/order");
    assertArrayEquals(PDF, order.body());
    assertEquals("application/pdf", order.headers().firstValue("Content-Type").orElseThrow());
    assertEquals("nosniff", order.headers().firstValue("X-Content-Type-Options").orElseThrow());
    assertTrue(
        order.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("sandbox;"));
    assertEquals(
        "inline; filename*=UTF-8''%E0%B8%84%E0%B8%B3%E0%B8%AA%E0%B8%B1%E0%B9%88%E0%B8%87.pdf",
        order.headers().firstValue("Content-Disposition").orElseThrow());
  }

  @Test
  void anApproverCannotDecideTheirOwnRegistration() throws Exception {
    UserRepresentation self = realm.admin().users().get(approver.userId).toRepresentation();
    String id =
        seeds.request(
            new RegistrationSeeds.Seed(
                approver.userId,
                self.getUsername(),
                "NEW_HOLDER",
                newCid(),
                "self@demo.gfmis.local",
                "ผู้อนุมัติ ทดสอบ",
                "Approver Test",
                "คำสั่ง.pdf",
                "application/pdf",
                PDF));
    HttpResponse<String> own = approver.post("/" + id + "/approve", "{\"version\":1}");
    assertEquals(403, own.statusCode(), own.body());
    assertEquals("own_registration", json(own).get("error").asText());
    HttpResponse<String> ownReject =
        approver.post("/" + id + "/reject", "{\"version\":1,\"reason\":\"x\"}");
    assertEquals(403, ownReject.statusCode(), ownReject.body());
  }

  @Test
  void approvalGrantsEnrollmentBindsTheCidAndTheConfirmedEmailAndTellsTheHolder() throws Exception {
    Holder holder = holders.createWithoutGrant("en");
    String userId = holders.userId(holder);
    String cid = newCid();
    String confirmed = "confirmed-" + holder.email();
    String id = seeds.request(seed(holder, "NEW_HOLDER", cid, confirmed));

    HttpResponse<String> approved = approver.post("/" + id + "/approve", "{\"version\":1}");
    assertEquals(200, approved.statusCode(), approved.body());
    JsonNode detail = json(approved);
    assertEquals("APPROVED", detail.get("status").asText());
    assertEquals(2, detail.get("version").asLong());
    JsonNode last = detail.get("history").get(1);
    assertEquals("APPROVER", last.get("actor").asText());
    assertFalse(last.get("actorUsername").isNull(), detail.toString());

    JsonNode grant = json(holders.enrollmentGrant("GET", userId));
    assertTrue(grant.get("granted").asBoolean(), grant.toString());
    JsonNode bound = json(holders.getCitizenId(userId));
    assertEquals(cid.substring(9), bound.get("lastFour").asText(), bound.toString());
    assertEquals(GfmisServerConfig.CID_HASH_KEY_ID, bound.get("hashKeyId").asText());
    UserRepresentation user = realm.admin().users().get(userId).toRepresentation();
    assertEquals(confirmed, user.getEmail());
    assertTrue(user.isEmailVerified());

    MimeMessage mail = mailTo(confirmed);
    assertEquals("New GFMIS Thai: your registration was approved", mail.getSubject());
    String text = new Mailbox.Mail(mail).text();
    assertTrue(text.contains(holder.userId()), text);
    assertTrue(text.contains("Get Certificate"), text);

    List<AdminEventRepresentation> events = realm.admin().getAdminEvents();
    AdminEventRepresentation event =
        events.stream()
            .filter(e -> ("gfmis/registrations/" + id + "/approve").equals(e.getResourcePath()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the approval is an admin event"));
    assertEquals("ACTION", event.getOperationType());
    assertEquals(approver.userId, event.getAuthDetails().getUserId());
    assertFalse(event.getRepresentation().contains(cid.substring(0, 9)), event.getRepresentation());
    assertFalse(event.getRepresentation().contains("it-2026:"), event.getRepresentation());

    HttpResponse<String> again =
        approver.post("/" + id + "/reject", "{\"version\":1,\"reason\":\"x\"}");
    assertEquals(409, again.statusCode(), again.body());
    assertEquals(
        "{\"error\":\"already_decided\",\"status\":\"APPROVED\",\"version\":2}", again.body());
  }

  @Test
  void aRejectionNeedsAReasonWhichTheHolderIsSent() throws Exception {
    Holder holder = holders.createWithoutGrant("en");
    String confirmed = "reject-" + holder.email();
    String id = seeds.request(seed(holder, "NEW_HOLDER", newCid(), confirmed));

    HttpResponse<String> bare = approver.post("/" + id + "/reject", "{\"version\":1}");
    assertEquals(400, bare.statusCode(), bare.body());
    assertEquals("reason_required", json(bare).get("error").asText());
    HttpResponse<String> blank =
        approver.post("/" + id + "/reject", "{\"version\":1,\"reason\":\"  \"}");
    assertEquals(400, blank.statusCode(), blank.body());

    String reason = "The assignment order is not signed <b>";
    HttpResponse<String> rejected =
        approver.post("/" + id + "/reject", "{\"version\":1,\"reason\":\"" + reason + "\"}");
    assertEquals(200, rejected.statusCode(), rejected.body());
    assertEquals("REJECT", json(rejected).get("status").asText());
    assertEquals(reason, json(rejected).get("statusReason").asText());

    MimeMessage mail = mailTo(confirmed);
    assertEquals("New GFMIS Thai: your registration was not approved", mail.getSubject());
    Mailbox.Mail read = new Mailbox.Mail(mail);
    assertTrue(read.text().contains(reason), read.text());
    assertTrue(read.html().contains("signed &lt;b&gt;"), "the reason is escaped: " + read.html());
    JsonNode grant = json(holders.enrollmentGrant("GET", holders.userId(holder)));
    assertFalse(grant.get("granted").asBoolean(), "no grant on a rejection");

    JsonNode listed = json(approver.get("?status=REJECT&q=" + holder.userId().toLowerCase()));
    assertEquals(1, listed.get("total").asLong(), listed.toString());
    assertEquals(id, listed.get("items").get(0).get("id").asText());
  }

  @Test
  void ofTwoApproversDecidingAtOnceOneWinsAndTheOtherIsTold() throws Exception {
    Holder holder = holders.createWithoutGrant("en");
    String id = seeds.request(seed(holder, "NEW_HOLDER", newCid(), "race-" + holder.email()));
    ApiCaller second = caller("approver2", List.of("gfmis-registration-approver"), List.of());

    AtomicInteger turn = new AtomicInteger();
    List<HttpResponse<String>> answers =
        Parallel.run(
            2,
            () ->
                turn.getAndIncrement() == 0
                    ? approver.post("/" + id + "/approve", "{\"version\":1}")
                    : second.post("/" + id + "/reject", "{\"version\":1,\"reason\":\"late\"}"));
    int[] codes = answers.stream().mapToInt(HttpResponse::statusCode).sorted().toArray();
    assertArrayEquals(
        new int[] {200, 409}, codes, answers.stream().map(HttpResponse::body).toList().toString());
    HttpResponse<String> loser =
        answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
    JsonNode told = json(loser);
    assertEquals("already_decided", told.get("error").asText());
    assertEquals(2, told.get("version").asLong());
    JsonNode history = json(approver.get("/" + id)).get("history");
    assertEquals(2, history.size(), "one decision on record: " + history);
  }

  @Test
  void aHolderChangeApprovalTellsThePreviousHolderAtTheirAddress() throws Exception {
    Holder previous = holders.createWithoutGrant("en");
    String userId = holders.userId(previous);
    String confirmed = "successor-" + previous.email();
    String id = seeds.request(seed(previous, "HOLDER_CHANGE", newCid(), confirmed));
    JsonNode counts = json(approver.get("/counts"));
    assertTrue(counts.get("holderChanges").asLong() >= 1, counts.toString());
    JsonNode changes = json(approver.get("?holderChange=true&userIdPrefix=" + previous.userId()));
    assertEquals(1, changes.get("total").asLong(), changes.toString());

    HttpResponse<String> approved = approver.post("/" + id + "/approve", "{\"version\":1}");
    assertEquals(200, approved.statusCode(), approved.body());

    MimeMessage told = mailTo(previous.email());
    assertEquals(
        "New GFMIS Thai: user ID " + previous.userId() + " now has another holder",
        told.getSubject());
    MimeMessage approvedMail = mailTo(confirmed);
    assertEquals("New GFMIS Thai: your registration was approved", approvedMail.getSubject());
    assertTrue(
        new Mailbox.Mail(approvedMail).text().contains("Forgot password"),
        "the new holder is told how to set a password");
    assertEquals(confirmed, realm.admin().users().get(userId).toRepresentation().getEmail());
    assertTrue(
        realm.admin().users().get(userId).credentials().stream()
            .noneMatch(credential -> "password".equals(credential.getType())),
        "the previous holder's password is gone");
  }

  /**
   * Paging forward by each page's {@code next} gives the queue in the same order as one big page,
   * nothing twice and nothing left out; a forged {@code after}, or one beside an offset, is 400.
   */
  @Test
  void theQueuePagesForwardByEachPagesNext() throws Exception {
    for (int i = 0; i < 5; i++) {
      Holder holder = holders.createWithoutGrant("en");
      seeds.request(seed(holder, "NEW_HOLDER", newCid(), "paged-" + holder.email()));
    }
    JsonNode all = json(approver.get("?status=REQUEST&max=100"));
    assertTrue(all.get("totalExact").asBoolean(), all.toString());
    assertTrue(all.get("next").isNull(), "one page holds them all: " + all);
    List<String> expected = new ArrayList<>();
    all.get("items").forEach(item -> expected.add(item.get("id").asText()));
    assertEquals(all.get("total").asInt(), expected.size());
    assertTrue(expected.size() >= 5, all.toString());

    List<String> paged = new ArrayList<>();
    String path = "?status=REQUEST&max=2";
    for (int pages = 0; path != null; pages++) {
      assertTrue(pages <= expected.size(), "the paging ends");
      JsonNode page = json(approver.get(path));
      assertEquals(expected.size(), page.get("total").asInt(), "the total of all, on every page");
      page.get("items").forEach(item -> paged.add(item.get("id").asText()));
      JsonNode next = page.get("next");
      path = next.isNull() ? null : "?status=REQUEST&max=2&after=" + next.asText();
    }
    assertEquals(expected, paged);

    String after = json(approver.get("?status=REQUEST&max=2")).get("next").asText();
    for (String bad :
        List.of(
            "?after=not-a-cursor", "?after=" + after + "&first=2", "?after=MTIzNDU", "?max=0")) {
      HttpResponse<String> refused = approver.get(bad);
      assertEquals(400, refused.statusCode(), bad + ": " + refused.body());
      assertEquals("invalid_page", json(refused).get("error").asText(), bad);
    }
  }

  @Test
  void aUsersRegistrationsGoWithTheUser() throws Exception {
    Holder holder = holders.createWithoutGrant("en");
    String userId = holders.userId(holder);
    seeds.request(seed(holder, "NEW_HOLDER", newCid(), "gone-" + holder.email()));
    assertEquals(1, seeds.countFor(userId));
    realm.admin().users().delete(userId).close();
    assertEquals(0, seeds.countFor(userId));
  }

  private static void assertAccess(ApiCaller caller, boolean read, boolean decide)
      throws Exception {
    JsonNode access = json(caller.get("/access"));
    assertEquals(read, access.get("read").asBoolean(), access.toString());
    assertEquals(decide, access.get("decide").asBoolean(), access.toString());
  }

  private ApiCaller caller(String name, List<String> realmRoles, List<String> adminRoles) {
    return ApiCaller.create(
        realm,
        urls.getBase(),
        "it-" + name + "-" + UUID.randomUUID().toString().substring(0, 8),
        realmRoles,
        adminRoles);
  }

  private RegistrationSeeds.Seed seed(Holder holder, String kind, String cid, String email) {
    return new RegistrationSeeds.Seed(
        holders.userId(holder),
        holder.username(),
        kind,
        cid,
        email,
        "สมหญิง ทดสอบ",
        "Somying Test",
        "คำสั่ง.pdf",
        "application/pdf",
        PDF);
  }

  private static int cidSequence = 0;

  private static synchronized String newCid() {
    cidSequence++;
    return Cids.valid(
        String.format(
            java.util.Locale.ROOT,
            "1%011d",
            77_000_000_000L + System.nanoTime() % 1_000_000 + cidSequence));
  }

  private MimeMessage mailTo(String address) throws Exception {
    long until = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < until) {
      MimeMessage[] received = mailServer.getReceivedMessages();
      Optional<MimeMessage> found =
          received == null
              ? Optional.empty()
              : Arrays.stream(received)
                  .filter(
                      m -> {
                        try {
                          return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                              .anyMatch(a -> a.toString().contains(address));
                        } catch (Exception e) {
                          return false;
                        }
                      })
                  .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no e-mail to " + address);
  }
}
