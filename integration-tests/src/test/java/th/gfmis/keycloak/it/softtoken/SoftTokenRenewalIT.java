package th.gfmis.keycloak.it.softtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import th.gfmis.keycloak.it.softtoken.DeviceApiCalls.Answer;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.softtoken.cli.DeviceStore;
import th.gfmis.keycloak.softtoken.cli.SoftTokenClientException;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;
import th.gfmis.keycloak.softtoken.protocol.ActivationUri;
import th.gfmis.keycloak.softtoken.protocol.CertificateRenewal;
import th.gfmis.keycloak.softtoken.protocol.DeviceAuth;
import th.gfmis.keycloak.softtoken.protocol.DeviceCsr;
import th.gfmis.keycloak.softtoken.protocol.DeviceStatus;

/**
 * A Soft Token renews its own certificate before it expires ({@code POST device/renew}): a new key,
 * a new certificate in the same credential, the old one revoked, sign-ins go on with the new one;
 * and every renewal that is not the device's own is refused.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class SoftTokenRenewalIT extends AbstractSoftTokenIT {

  /** Signs in with the password and enrolls a phone from the QR code (browser left there). */
  private SoftTokenDevice enrolled(Holder holder) throws Exception {
    signInToGfmis(holder);
    return SoftTokenDevice.enroll(
        ActivationUri.parse(new SoftTokenSteps(pages()).readQrCode()),
        "Phone",
        SoftTokenDevice.Config.defaults());
  }

  private UserRepresentation user(Holder holder) {
    return realm.admin().users().search(holder.username(), true).get(0);
  }

  private static SoftTokenClientException refused(String code, Call call) {
    SoftTokenClientException e = assertThrows(SoftTokenClientException.class, call::run);
    assertEquals(code, e.error(), e.oneLine());
    return e;
  }

  private interface Call {
    void run() throws Exception;
  }

  /** The device's private key, as the phone holds it (read back from its PKCS#12 store). */
  private static PrivateKey keyOf(SoftTokenDevice device) throws Exception {
    Path dir = Files.createTempDirectory("gfmis-renew");
    Path store = dir.resolve("d.p12");
    device.save(store, "1234".toCharArray());
    PrivateKey key = DeviceStore.load(store, "1234".toCharArray()).privateKey();
    DeviceStore.delete(store);
    Files.delete(dir);
    return key;
  }

  private static String renewBody(String csr) {
    return "{\"csr\":\"" + csr + "\"}";
  }

  @Test
  void aPhoneRenewsItsCertificateAndTheHolderSignsInWithTheNewOne() throws Exception {
    SoftTokenSettings.renewalWindowDays(realm, 30);
    Holder holder = newHolder();
    SoftTokenDevice phone = enrolled(holder);

    // Outside the window (a new two-year certificate, 30 days): refused, nothing changes.
    DeviceStatus before = phone.status();
    assertEquals(before.notAfter().minus(Duration.ofDays(30)), before.renewableFrom());
    SoftTokenClientException early = refused("renewal_too_early", phone::renew);
    assertEquals(403, early.httpStatus());
    assertEquals("active", phone.status().state());

    // The operator's window covers the whole lifetime: renewal is allowed at once.
    SoftTokenSettings.renewalWindowDays(realm, 730);
    SoftTokenDevice renewed = phone.renew();
    assertNotEquals(phone.serialNumber(), renewed.serialNumber());
    assertNotEquals(
        phone.certificate().getPublicKey(), renewed.certificate().getPublicKey(), "new key");
    assertEquals(holder.userId(), renewed.username());
    assertEquals("Phone", renewed.deviceName());
    assertTrue(renewed.notAfter().isAfter(Instant.now().plus(Duration.ofDays(729))));

    // The old certificate is revoked; the same credential now holds the new serial. The serial
    // index (a user attribute the admin API does not show) knows both: the old serial answers
    // certificate_revoked, not unknown_certificate, and the new one is found.
    refused("certificate_revoked", phone::status);
    refused("certificate_revoked", phone::pending);
    refused("certificate_revoked", phone::renew);
    UserRepresentation user = realm.admin().users().get(user(holder).getId()).toRepresentation();
    List<CredentialRepresentation> devices =
        realm.admin().users().get(user.getId()).credentials().stream()
            .filter(c -> "gfmis-softtoken".equals(c.getType()))
            .toList();
    assertEquals(1, devices.size(), "one device, renewed in place");
    assertTrue(devices.get(0).getCredentialData().contains(renewed.serialNumber()));
    assertEquals("Phone", devices.get(0).getUserLabel());

    // The event log records it (serials, no secret).
    List<EventRepresentation> events = realm.admin().getEvents();
    EventRepresentation event =
        events.stream()
            .filter(e -> "UPDATE_CREDENTIAL".equals(e.getType()))
            .filter(e -> e.getDetails() != null)
            .filter(e -> "softtoken_renewed".equals(e.getDetails().get("gfmis_step")))
            .filter(e -> user.getId().equals(e.getUserId()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no renewal event in " + events));
    assertEquals(renewed.serialNumber(), event.getDetails().get("gfmis_softtoken_serial"));
    assertEquals(phone.serialNumber(), event.getDetails().get("gfmis_softtoken_previous_serial"));

    // The next sign-in is approved by the renewed phone, at the Soft Token level.
    GfmisClient gfmis = new GfmisClient(realm.getBaseUrl());
    openFresh(gfmis.authorizationUrl("en"));
    pages().signIn(holder.userId(), holder.password());
    new SoftTokenSteps(pages()).approve(renewed);
    JsonNode tokens = gfmis.exchange(pages().awaitCallback());
    assertEquals(
        "gfmis-softtoken", GfmisClient.claims(tokens.get("id_token").asText()).get("acr").asText());
    assertEquals("active", renewed.status().state());
  }

  @Test
  void renewalsThatAreNotTheDevicesOwnAreRefused() throws Exception {
    SoftTokenSettings.renewalWindowDays(realm, 730);
    SoftTokenDevice alice = enrolled(newHolder());
    SoftTokenDevice bob = enrolled(newHolder());
    DeviceApiCalls api = new DeviceApiCalls(realm.getBaseUrl());
    URI renewUrl = URI.create(api.url("device/renew"));
    SecureRandom random = new SecureRandom();

    // Signed by another device: Alice's serial, Bob's key.
    String csrA = DeviceCsr.createBase64(DeviceApiCalls.ec("secp256r1"));
    String forged =
        DeviceAuth.authorizationHeader(
            "POST",
            renewUrl,
            alice.serialNumber(),
            keyOf(bob),
            Instant.now(),
            random,
            CertificateRenewal.csrHash(csrA));
    Answer otherDevice = api.post("device/renew", renewBody(csrA), forged);
    assertEquals(401, otherDevice.status(), otherDevice.body());
    assertEquals("invalid_signature", otherDevice.error());

    // A CSR whose signature is not by its key (no proof of possession), and the old key again.
    KeyPair claimed = DeviceApiCalls.ec("secp256r1");
    String notProven =
        DeviceApiCalls.csr(claimed, DeviceApiCalls.ec("secp256r1").getPrivate(), "SHA256withECDSA");
    String header =
        alice.authorizationHeader("POST", renewUrl, CertificateRenewal.csrHash(notProven));
    Answer noPop = api.post("device/renew", renewBody(notProven), header);
    assertEquals(400, noPop.status(), noPop.body());
    assertEquals("invalid_csr", noPop.error());
    // The same request again: its jti is spent.
    Answer replayedRefusal = api.post("device/renew", renewBody(notProven), header);
    assertEquals(409, replayedRefusal.status(), replayedRefusal.body());
    assertEquals("replayed", replayedRefusal.error());
    KeyPair aliceKeys = new KeyPair(alice.certificate().getPublicKey(), keyOf(alice));
    String sameKey = DeviceCsr.createBase64(aliceKeys);
    Answer kept =
        api.post(
            "device/renew",
            renewBody(sameKey),
            alice.authorizationHeader("POST", renewUrl, CertificateRenewal.csrHash(sameKey)));
    assertEquals("invalid_csr", kept.error(), "a renewal must rotate the key");

    // A captured header does not certify another key: the signature covers the CSR (csh).
    String mine = DeviceCsr.createBase64(DeviceApiCalls.ec("secp256r1"));
    String thief = DeviceCsr.createBase64(DeviceApiCalls.ec("secp256r1"));
    Answer swapped =
        api.post(
            "device/renew",
            renewBody(thief),
            alice.authorizationHeader("POST", renewUrl, CertificateRenewal.csrHash(mine)));
    assertEquals(401, swapped.status(), swapped.body());
    assertEquals("invalid_device_auth", swapped.error());
    Answer unbound =
        api.post("device/renew", renewBody(mine), alice.authorizationHeader("POST", renewUrl));
    assertEquals("invalid_device_auth", unbound.error());
    assertEquals("active", alice.status().state(), "nothing above changed Alice's device");
    assertEquals("active", bob.status().state());

    // A good renewal, then the very same request replayed.
    String good = DeviceCsr.createBase64(DeviceApiCalls.ec("secp256r1"));
    String goodHeader =
        alice.authorizationHeader("POST", renewUrl, CertificateRenewal.csrHash(good));
    Answer first = api.post("device/renew", renewBody(good), goodHeader);
    assertEquals(200, first.status(), first.body());
    Answer replay = api.post("device/renew", renewBody(good), goodHeader);
    assertEquals(403, replay.status(), replay.body());
    assertEquals("certificate_revoked", replay.error());
  }
}
