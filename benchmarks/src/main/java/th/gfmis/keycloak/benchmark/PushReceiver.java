package th.gfmis.keycloak.benchmark;

import com.google.crypto.tink.apps.webpush.WebPushHybridDecrypt;
import com.google.crypto.tink.subtle.EllipticCurves;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;
import th.gfmis.keycloak.softtoken.protocol.Base64Urls;
import th.gfmis.keycloak.softtoken.protocol.ChallengePush;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;

/**
 * The push service of the benchmark's and the load test's devices: an HTTP receiver in this JVM on
 * the loopback (a free port) where each user's reference device has its Web Push subscription
 * ({@code http://127.0.0.1:<port>/push/<username>}, its own P-256 key and auth secret, as a browser
 * makes them). Each message the server sends is decrypted (RFC 8291, Tink's implementation) and its
 * challenge kept for the user's waiting sign-in, which takes it with {@link #take}.
 */
public final class PushReceiver implements AutoCloseable {

  /** One device's side of its subscription. */
  private record Keys(WebPushHybridDecrypt decrypt) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Map<String, Keys> keys = new ConcurrentHashMap<>();
  private final Map<String, ConcurrentLinkedQueue<PendingChallenge>> received =
      new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final AtomicLong withoutChallenge = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  public PushReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/push/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /**
   * Subscribes the user's device here: {@code POST device/push}, signed by the device, as the web
   * app registers its subscription.
   *
   * @throws IllegalStateException when the server refuses (it does not send Web Push here)
   */
  public void subscribe(SoftTokenDevice device, String username)
      throws GeneralSecurityException, IOException, InterruptedException {
    URI url = device.deviceApiBase().resolve(SoftTokenProtocol.PATH_DEVICE_PUSH);
    HttpResponse<String> answer =
        BrowserSession.HTTP.send(
            HttpRequest.newBuilder(url)
                .header("Authorization", device.authorizationHeader("POST", url))
                .header("Content-Type", SoftTokenProtocol.MEDIA_TYPE_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(subscription(username)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          "push subscription refused (HTTP "
              + answer.statusCode()
              + " "
              + answer.body()
              + "): the server does not send Web Push to 127.0.0.1 (provider web-push with hosts"
              + " 127.0.0.1 and allow-http, as ./run-cluster.sh starts it)");
    }
  }

  /**
   * A new subscription for a user's device: the {@code POST device/push} body.
   *
   * @param username the user whose device subscribes
   * @return the subscription JSON (endpoint on this receiver, the device's public key and secret)
   */
  private String subscription(String username) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    byte[] auth = new byte[16];
    random.nextBytes(auth);
    WebPushHybridDecrypt decrypt =
        new WebPushHybridDecrypt.Builder()
            .withAuthSecret(auth)
            .withRecipientPublicKey((ECPublicKey) pair.getPublic())
            .withRecipientPrivateKey((ECPrivateKey) pair.getPrivate())
            .build();
    keys.put(username, new Keys(decrypt));
    return "{\"endpoint\":\"http://127.0.0.1:"
        + server.getAddress().getPort()
        + "/push/"
        + username
        + "\",\"expirationTime\":null,\"keys\":{\"p256dh\":\""
        + Base64Urls.encode(
            EllipticCurves.pointEncode(
                EllipticCurves.CurveType.NIST_P256,
                EllipticCurves.PointFormatType.UNCOMPRESSED,
                ((ECPublicKey) pair.getPublic()).getW()))
        + "\",\"auth\":\""
        + Base64Urls.encode(auth)
        + "\"}}";
  }

  /**
   * The pushed challenge of the user's sign-in that shows this number, if it has arrived: the
   * newest that fits (a user is in one sign-in at a time); older pushes, of sign-ins that ended,
   * are dropped.
   */
  public Optional<PendingChallenge> take(String username, int number) {
    ConcurrentLinkedQueue<PendingChallenge> queue = received.get(username);
    if (queue == null) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    PendingChallenge newest = null;
    for (PendingChallenge c; (c = queue.poll()) != null; ) {
      if (now.isBefore(c.expiresAt())
          && (c.numberChoices() == null || c.numberChoices().contains(number))) {
        newest = c;
      }
    }
    return Optional.ofNullable(newest);
  }

  /** {@link #take}, waiting up to {@code timeout} for the push to arrive. */
  public Optional<PendingChallenge> await(String username, int number, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<PendingChallenge> pushed = take(username, number);
    while (pushed.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(2);
      pushed = take(username, number);
    }
    return pushed;
  }

  /** Pushes that carried no challenge (too big) or could not be decrypted or read. */
  public String problems() {
    return withoutChallenge.get() + " push(es) without a challenge, " + refused.get() + " refused";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String username = exchange.getRequestURI().getPath().substring("/push/".length());
      Keys device = keys.get(username);
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (device == null || !"POST".equals(exchange.getRequestMethod())) {
        refused.incrementAndGet();
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      Optional<PendingChallenge> challenge;
      try {
        challenge = ChallengePush.read(device.decrypt().decrypt(body, null)).listedChallenge();
      } catch (GeneralSecurityException | SoftTokenProtocolException | RuntimeException e) {
        refused.incrementAndGet();
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      if (challenge.isPresent()) {
        received.computeIfAbsent(username, u -> new ConcurrentLinkedQueue<>()).add(challenge.get());
      } else {
        withoutChallenge.incrementAndGet();
      }
      exchange.sendResponseHeaders(201, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
