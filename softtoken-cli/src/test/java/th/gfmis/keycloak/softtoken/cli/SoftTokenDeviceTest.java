package th.gfmis.keycloak.softtoken.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.gfmis.keycloak.softtoken.protocol.ActivationUri;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;

/** The reference device against an in-memory server of the protocol, over real HTTP. */
class SoftTokenDeviceTest {

  private static final String USER = "T05005000000101";
  private FakeSoftTokenServer server;

  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server = new FakeSoftTokenServer("gfmis");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private SoftTokenDevice enroll() throws SoftTokenClientException {
    return SoftTokenDevice.enroll(
        server.newActivation(USER), "Test phone", SoftTokenDevice.Config.defaults());
  }

  private static SoftTokenClientException refused(String code, ThrowingCall call) {
    SoftTokenClientException e = assertThrows(SoftTokenClientException.class, call::run);
    assertEquals(code, e.error(), e.oneLine());
    return e;
  }

  private interface ThrowingCall {
    void run() throws Exception;
  }

  @Test
  void enrollsAndReportsStatus() throws Exception {
    SoftTokenDevice device = enroll();
    assertEquals(USER, device.username());
    assertEquals("Test phone", device.deviceName());
    assertEquals("gfmis", device.realm());
    assertEquals(server.baseUrl(), device.server());
    assertEquals(List.of(server.caCertificate()), device.certificateChain().subList(1, 2));
    var status = device.status();
    assertEquals(USER, status.username());
    assertEquals(device.serialNumber(), status.serialNumber());
    assertEquals(SoftTokenProtocol.STATE_ACTIVE, status.state());
  }

  @Test
  void anActivationCodeWorksOnce() throws Exception {
    ActivationUri activation = server.newActivation(USER);
    SoftTokenDevice.enroll(activation, null, SoftTokenDevice.Config.defaults());
    SoftTokenClientException e =
        refused(
            "invalid_activation_code",
            () -> SoftTokenDevice.enroll(activation, null, SoftTokenDevice.Config.defaults()));
    assertEquals(400, e.httpStatus());
  }

  @Test
  void approvesWithTheRightNumberOnly() throws Exception {
    SoftTokenDevice device = enroll();
    assertEquals(List.of(), device.pending());

    int shown = server.newChallenge(USER);
    List<PendingChallenge> pending = device.pending();
    assertEquals(1, pending.size());
    assertTrue(pending.get(0).numberChoices().contains(shown));
    assertEquals("approved", device.approve(null, shown).status());
    assertEquals("approved", server.outcome(USER));
    assertEquals(List.of(), device.pending());

    int shownAgain = server.newChallenge(USER);
    int wrong =
        device.pending().get(0).numberChoices().stream()
            .filter(n -> n != shownAgain)
            .findFirst()
            .orElseThrow();
    SoftTokenClientException e = refused("wrong_number", () -> device.approve(null, wrong));
    assertEquals(403, e.httpStatus());
    assertEquals("wrong_number", server.outcome(USER));
    assertEquals(List.of(), device.pending(), "a wrong number burns the challenge");
  }

  @Test
  void deniesAndChoosesById() throws Exception {
    SoftTokenDevice device = enroll();
    refused(SoftTokenClientException.NO_PENDING_CHALLENGE, () -> device.deny(null));
    server.newChallenge(USER);
    String id = device.pending().get(0).id();
    refused(SoftTokenClientException.NO_PENDING_CHALLENGE, () -> device.deny("nope"));
    assertEquals("denied", device.deny(id).status());
    assertEquals("denied", server.outcome(USER));
  }

  @Test
  void revocationEndsTheDevice() throws Exception {
    SoftTokenDevice device = enroll();
    assertEquals(SoftTokenProtocol.STATE_REVOKED, device.revoke().state());
    SoftTokenClientException e = refused("certificate_revoked", device::status);
    assertEquals(403, e.httpStatus());
    refused("certificate_revoked", device::pending);
  }

  @Test
  void aNewEnrollmentRevokesThePreviousDevice() throws Exception {
    SoftTokenDevice old = enroll();
    SoftTokenDevice replacement = enroll();
    refused("certificate_revoked", old::status);
    assertEquals(SoftTokenProtocol.STATE_ACTIVE, replacement.status().state());
    server.newChallenge(USER);
    assertEquals(1, replacement.pending().size());
  }

  @Test
  void renewalGivesANewKeyAndCertificateAndRevokesTheOldOne() throws Exception {
    SoftTokenDevice old = enroll();
    SoftTokenDevice renewed = old.renew();
    assertNotEquals(old.serialNumber(), renewed.serialNumber());
    assertNotEquals(
        old.certificate().getPublicKey(), renewed.certificate().getPublicKey(), "a new key");
    assertEquals(USER, renewed.username());
    assertEquals("Test phone", renewed.deviceName());
    assertEquals(SoftTokenProtocol.STATE_ACTIVE, renewed.status().state());
    refused("certificate_revoked", old::status);
    refused("certificate_revoked", old::renew);
    int shown = server.newChallenge(USER);
    assertEquals("approved", renewed.approve(null, shown).status());
  }

  @Test
  void renewalBeforeTheWindowIsRefusedAndTheDeviceKeepsWorking() throws Exception {
    server.renewalWindow(Duration.ofDays(30));
    SoftTokenDevice device = enroll();
    var status = device.status();
    assertEquals(status.notAfter().minus(Duration.ofDays(30)), status.renewableFrom());
    SoftTokenClientException e = refused("renewal_too_early", device::renew);
    assertEquals(403, e.httpStatus());
    assertEquals(SoftTokenProtocol.STATE_ACTIVE, device.status().state());
  }

  @Test
  void savedDeviceKeepsWorking() throws Exception {
    Path store = dir.resolve("device.p12");
    enroll().save(store, "2468".toCharArray());
    SoftTokenDevice loaded = SoftTokenDevice.load(store, "2468".toCharArray());
    int shown = server.newChallenge(USER);
    assertEquals("approved", loaded.approve(null, shown).status());
  }

  @Test
  void theServerRefusesAReplayedOrStaleAuthorization() throws Exception {
    SoftTokenDevice device = enroll();
    URI url = device.deviceApiBase().resolve(SoftTokenProtocol.PATH_DEVICE);
    String header = device.authorizationHeader("GET", url);
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(url).header("Authorization", header).GET().build();
    assertEquals(200, client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
    HttpResponse<String> replay = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(409, replay.statusCode());
    assertTrue(replay.body().contains("\"error\":\"replayed\""), replay.body());

    SoftTokenDevice.Config skewed =
        SoftTokenDevice.Config.defaults()
            .withClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5)));
    SoftTokenDevice late = SoftTokenDevice.load(save(device), "1111".toCharArray(), skewed);
    SoftTokenClientException e = refused("invalid_device_auth", late::status);
    assertEquals(401, e.httpStatus());

    HttpResponse<String> none =
        client.send(
            HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, none.statusCode());
    assertEquals("SoftToken", none.headers().firstValue("WWW-Authenticate").orElse(null));
  }

  @Test
  void networkErrorsAreReportedLocally() throws Exception {
    ActivationUri activation = server.newActivation(USER);
    server.close();
    SoftTokenClientException e =
        refused(
            SoftTokenClientException.NETWORK_ERROR,
            () -> SoftTokenDevice.enroll(activation, null, SoftTokenDevice.Config.defaults()));
    assertEquals(0, e.httpStatus());
    assertNull(e.protocolError().orElse(null));
  }

  private Path save(SoftTokenDevice device) throws SoftTokenClientException {
    Path store = dir.resolve("copy.p12");
    device.save(store, "1111".toCharArray());
    return store;
  }
}
