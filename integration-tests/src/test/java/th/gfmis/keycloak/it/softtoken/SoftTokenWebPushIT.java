package th.gfmis.keycloak.it.softtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.crypto.tink.apps.webpush.WebPushHybridDecrypt;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;
import th.gfmis.keycloak.softtoken.protocol.ChallengePush;
import th.gfmis.keycloak.softtoken.protocol.Decision;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenJson;

/**
 * Web Push of the {@code web-push} provider to a push endpoint in the test (no push service is
 * reachable here): a real sign-in starts a challenge; the endpoint checks the VAPID token against
 * the realm's public key from {@code GET device} and decrypts the message with Tink's independent
 * RFC 8291 implementation. A push service that is gone, slow or refusing never stops the sign-in.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class SoftTokenWebPushIT extends AbstractSoftTokenIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** One request the push endpoint received. */
  record Received(String path, Map<String, String> headers, byte[] body) {}

  private HttpServer pushService;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  @BeforeEach
  void startPushService() throws Exception {
    pushService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    pushService.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
          received.add(new Received(path, headers, exchange.getRequestBody().readAllBytes()));
          int status = path.startsWith("/gone") ? 410 : path.startsWith("/refuse") ? 500 : 201;
          if (path.startsWith("/slow")) {
            try {
              Thread.sleep(20_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    pushService.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    pushService.start();
  }

  @AfterEach
  void stopPushService() {
    pushService.stop(0);
  }

  private String endpoint(String path) {
    return "http://127.0.0.1:" + pushService.getAddress().getPort() + path;
  }

  /** The browser's side of a subscription: its ECDH key pair and auth secret. */
  record BrowserKeys(KeyPair pair, byte[] auth) {
    static BrowserKeys generate() throws Exception {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      byte[] auth = new byte[16];
      new SecureRandom().nextBytes(auth);
      return new BrowserKeys(generator.generateKeyPair(), auth);
    }

    byte[] publicPoint() {
      return uncompressed((ECPublicKey) pair.getPublic());
    }

    String subscription(String endpoint) {
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      return "{\"endpoint\":\""
          + endpoint
          + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\""
          + b64.encodeToString(publicPoint())
          + "\",\"auth\":\""
          + b64.encodeToString(auth)
          + "\"}}";
    }

    String decrypt(byte[] message) throws Exception {
      return new String(
          new WebPushHybridDecrypt.Builder()
              .withAuthSecret(auth)
              .withRecipientPublicKey((ECPublicKey) pair.getPublic())
              .withRecipientPrivateKey((ECPrivateKey) pair.getPrivate())
              .build()
              .decrypt(message, null),
          StandardCharsets.UTF_8);
    }
  }

  private static byte[] uncompressed(ECPublicKey key) {
    byte[] point = new byte[65];
    point[0] = 4;
    copy(key.getW().getAffineX(), point, 1);
    copy(key.getW().getAffineY(), point, 33);
    return point;
  }

  private static void copy(BigInteger value, byte[] into, int offset) {
    byte[] bytes = value.toByteArray();
    int start = Math.max(0, bytes.length - 32);
    System.arraycopy(
        bytes, start, into, offset + 32 - (bytes.length - start), bytes.length - start);
  }

  private static ECPublicKey fromUncompressed(byte[] point) throws Exception {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
    ECPoint w =
        new ECPoint(
            new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
            new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
    return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
  }

  /** {@code method device/push} signed by the device; returns status and body. */
  private static HttpResponse<String> devicePush(SoftTokenDevice device, String method, String body)
      throws Exception {
    URI url = device.deviceApiBase().resolve("device/push");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .header("Authorization", device.authorizationHeader(method, url))
            .header("Content-Type", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private SoftTokenDevice enrollNew(Holder holder) throws Exception {
    GfmisClient gfmis = signInToGfmis(holder);
    SoftTokenDevice device = new SoftTokenSteps(pages()).enroll("Phone");
    gfmis.exchange(pages().awaitCallback());
    return device;
  }

  /** A sign-in up to the number page, approved on the device; returns the challenge. */
  private PendingChallenge signInAndApprove(Holder holder, SoftTokenDevice device)
      throws Exception {
    GfmisClient gfmis = signInToGfmis(holder);
    int number = new SoftTokenSteps(pages()).shownNumber();
    PendingChallenge challenge = SoftTokenSteps.awaitChallenge(device);
    device.approve(challenge.id(), number);
    JsonNode tokens = gfmis.exchange(pages().awaitCallback());
    assertEquals(
        "gfmis-softtoken", GfmisClient.claims(tokens.get("id_token").asText()).get("acr").asText());
    return challenge;
  }

  @Test
  void aSignInPushesAVapidSignedEncryptedMessageWithTheChallenge() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice device = enrollNew(holder);

    // GET device names the realm's VAPID key; it stays the same (kept in the realm).
    JsonNode status = deviceStatus(device);
    String webPushKey = status.get("webPushKey").asText();
    assertEquals(87, webPushKey.length(), webPushKey);
    assertEquals(webPushKey, deviceStatus(device).get("webPushKey").asText());

    BrowserKeys browser = BrowserKeys.generate();
    HttpResponse<String> subscribed =
        devicePush(device, "POST", browser.subscription(endpoint("/push/holder-1")));
    assertEquals(200, subscribed.statusCode(), subscribed.body());
    assertEquals(
        webPushKey,
        JsonSerialization.readValue(subscribed.body(), JsonNode.class).get("webPushKey").asText());

    PendingChallenge challenge = signInAndApprove(holder, device);
    Received push = received.poll(30, TimeUnit.SECONDS);
    assertTrue(push != null, "the push endpoint got the sign-in's push");
    assertEquals("/push/holder-1", push.path());
    assertEquals("aes128gcm", push.headers().get("Content-Encoding"));
    assertEquals("high", push.headers().get("Urgency"));
    int ttl = Integer.parseInt(push.headers().get("TTL"));
    assertTrue(ttl > 0 && ttl <= 120, "TTL within the challenge's lifetime: " + ttl);

    // VAPID (RFC 8292): "vapid t=<JWT>, k=<public key>"; k is the key GET device gave, and the JWT
    // verifies with it, for this push service's origin.
    String authorization = push.headers().get("Authorization");
    assertTrue(authorization.startsWith("vapid "), authorization);
    Map<String, String> vapid = new java.util.HashMap<>();
    for (String part : authorization.substring(6).split(",")) {
      String[] pair = part.strip().split("=", 2);
      vapid.put(pair[0], pair[1]);
    }
    assertEquals(webPushKey, vapid.get("k"));
    SignedJWT jwt = SignedJWT.parse(vapid.get("t"));
    assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
    ECPublicKey realmKey = fromUncompressed(Base64.getUrlDecoder().decode(webPushKey));
    assertTrue(jwt.verify(new ECDSAVerifier(realmKey)), "VAPID JWT signed by the realm's key");
    assertEquals(
        "http://127.0.0.1:" + pushService.getAddress().getPort(),
        jwt.getJWTClaimsSet().getAudience().get(0));
    Instant exp = jwt.getJWTClaimsSet().getExpirationTime().toInstant();
    assertTrue(exp.isAfter(Instant.now()) && exp.isBefore(Instant.now().plusSeconds(86_400)));
    String subject = jwt.getJWTClaimsSet().getSubject();
    assertTrue(subject.startsWith("mailto:") || subject.startsWith("https://"), subject);

    // RFC 8291 message, decrypted with the subscription's private key: the challenge id and the
    // challenge as the device listed it (the push service saw neither).
    assertEquals(
        "{\"challengeId\":\""
            + challenge.id()
            + "\",\"challenge\":"
            + SoftTokenJson.write(challenge)
            + "}",
        browser.decrypt(push.body()));

    // Forgotten with DELETE: the next sign-in pushes nothing.
    assertEquals(200, devicePush(device, "DELETE", null).statusCode());
    signInAndApprove(holder, device);
    assertNull(received.poll(3, TimeUnit.SECONDS), "no push after the subscription was deleted");
  }

  @Test
  void theDeviceAnswersThePushedChallengeWithoutListing() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice device = enrollNew(holder);
    BrowserKeys browser = BrowserKeys.generate();
    assertEquals(
        200, devicePush(device, "POST", browser.subscription(endpoint("/push/2"))).statusCode());

    // The pushed challenge is, member for member, the one GET challenges lists.
    GfmisClient gfmis = signInToGfmis(holder);
    int number = new SoftTokenSteps(pages()).shownNumber();
    JsonNode message = JsonSerialization.readValue(receivePush(browser), JsonNode.class);
    JsonNode listed = deviceGet(device, "challenges").get("challenges");
    assertEquals(1, listed.size(), listed.toString());
    assertEquals(listed.get(0), message.get("challenge"));
    assertEquals(listed.get(0).get("id"), message.get("challengeId"));
    device.approve(message.get("challengeId").asText(), number);
    gfmis.exchange(pages().awaitCallback());

    // Another sign-in: the device answers from the push alone (no GET challenges), checked as any
    // answer: the browser goes on, and the same answer again is a replay.
    gfmis = signInToGfmis(holder);
    number = new SoftTokenSteps(pages()).shownNumber();
    PendingChallenge pushed =
        ChallengePush.read(receivePush(browser).getBytes(StandardCharsets.UTF_8))
            .listedChallenge()
            .orElseThrow();
    String answer = device.signedResponse(pushed, Decision.APPROVE, number);
    assertEquals(200, postResponse(device, pushed.id(), answer).statusCode());
    JsonNode tokens = gfmis.exchange(pages().awaitCallback());
    assertEquals(
        "gfmis-softtoken", GfmisClient.claims(tokens.get("id_token").asText()).get("acr").asText());
    HttpResponse<String> again = postResponse(device, pushed.id(), answer);
    assertEquals(409, again.statusCode(), again.body());
    assertEquals(
        "replayed",
        JsonSerialization.readValue(again.body(), JsonNode.class).get("error").asText());
  }

  private String receivePush(BrowserKeys browser) throws Exception {
    Received push = received.poll(30, TimeUnit.SECONDS);
    assertTrue(push != null, "the push endpoint got the sign-in's push");
    return browser.decrypt(push.body());
  }

  private static HttpResponse<String> postResponse(SoftTokenDevice device, String id, String jws)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(device.deviceApiBase().resolve("challenges/" + id + "/response"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"response\":\"" + jws + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aGoneSlowOrRefusingPushServiceNeverStopsTheSignIn() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice device = enrollNew(holder);
    BrowserKeys browser = BrowserKeys.generate();

    // 410 Gone: the sign-in goes on, and the subscription is forgotten.
    assertEquals(
        200, devicePush(device, "POST", browser.subscription(endpoint("/gone/1"))).statusCode());
    signInAndApprove(holder, device);
    assertEquals("/gone/1", received.poll(30, TimeUnit.SECONDS).path());
    Thread.sleep(1000);
    signInAndApprove(holder, device);
    assertNull(received.poll(3, TimeUnit.SECONDS), "a gone subscription gets no more pushes");

    // A push service that does not answer for 20 s, then one that fails: sign-ins as usual.
    assertEquals(
        200, devicePush(device, "POST", browser.subscription(endpoint("/slow/1"))).statusCode());
    long started = System.nanoTime();
    signInAndApprove(holder, device);
    assertTrue(
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 20,
        "the sign-in did not wait for the push service");
    assertEquals("/slow/1", received.poll(30, TimeUnit.SECONDS).path());
    assertEquals(
        200, devicePush(device, "POST", browser.subscription(endpoint("/refuse/1"))).statusCode());
    signInAndApprove(holder, device);
    assertEquals("/refuse/1", received.poll(30, TimeUnit.SECONDS).path());
    // Refused (500) is not gone: the subscription stays.
    signInAndApprove(holder, device);
    assertEquals("/refuse/1", received.poll(30, TimeUnit.SECONDS).path());
  }

  @Test
  void subscriptionsTheServerMustNotKeepAreRefused() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice device = enrollNew(holder);
    BrowserKeys browser = BrowserKeys.generate();
    String good = browser.subscription(endpoint("/push/ok"));
    String p256dh = Base64.getUrlEncoder().withoutPadding().encodeToString(browser.publicPoint());
    String[] refused = {
      // SSRF: hosts that are no listed push service (the loopback is listed for this test only).
      browser.subscription("http://127.0.0.2:8080/push"),
      browser.subscription("https://169.254.169.254/latest/meta-data/"),
      browser.subscription("https://10.1.2.3/push"),
      browser.subscription("https://localhost/push"),
      browser.subscription("https://sso.gfmis.example/realms/gfmis"),
      browser.subscription("file:///etc/passwd"),
      browser.subscription("https://user:pw@fcm.googleapis.com/x"),
      // Garbage, oversized and off-curve keys.
      good.replace(p256dh, "not-a-key"),
      good.replace(p256dh, "A".repeat(10_000)),
      good.replace(
          p256dh, p256dh.substring(0, p256dh.length() - 2) + (p256dh.endsWith("A") ? "BA" : "AA")),
      good.replaceFirst("\"auth\":\"[^\"]*\"", "\"auth\":\"AAAA\""),
      "{\"endpoint\":\"" + endpoint("/push/ok") + "\"}",
      "not json",
    };
    for (String body : refused) {
      HttpResponse<String> answer = devicePush(device, "POST", body);
      assertEquals(400, answer.statusCode(), body + " -> " + answer.body());
      assertEquals(
          "invalid_request",
          JsonSerialization.readValue(answer.body(), JsonNode.class).get("error").asText());
    }
    // Without the device's signature nothing is kept (and no other user's device can be named:
    // the subscription always belongs to the device that signed the request).
    HttpResponse<String> unsigned =
        HTTP.send(
            HttpRequest.newBuilder(device.deviceApiBase().resolve("device/push"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(good))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, unsigned.statusCode());
    signInAndApprove(holder, device);
    assertNull(received.poll(3, TimeUnit.SECONDS), "nothing refused was kept");
  }

  private static JsonNode deviceStatus(SoftTokenDevice device) throws Exception {
    return deviceGet(device, "device");
  }

  /** A device-authenticated {@code GET} of the device API, its JSON answer. */
  private static JsonNode deviceGet(SoftTokenDevice device, String path) throws Exception {
    URI url = device.deviceApiBase().resolve(path);
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(url)
                .header("Authorization", device.authorizationHeader("GET", url))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
    return JsonSerialization.readValue(answer.body(), JsonNode.class);
  }
}
