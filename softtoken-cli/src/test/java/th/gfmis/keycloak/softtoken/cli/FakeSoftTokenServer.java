package th.gfmis.keycloak.softtoken.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import th.gfmis.keycloak.softtoken.protocol.ActivationCodes;
import th.gfmis.keycloak.softtoken.protocol.ActivationUri;
import th.gfmis.keycloak.softtoken.protocol.Base64Urls;
import th.gfmis.keycloak.softtoken.protocol.CertificateRenewal;
import th.gfmis.keycloak.softtoken.protocol.CertificateResolver;
import th.gfmis.keycloak.softtoken.protocol.Certificates;
import th.gfmis.keycloak.softtoken.protocol.ChallengeResponseRequest;
import th.gfmis.keycloak.softtoken.protocol.ChallengeResponseResult;
import th.gfmis.keycloak.softtoken.protocol.ChallengeResponses;
import th.gfmis.keycloak.softtoken.protocol.DeviceAuth;
import th.gfmis.keycloak.softtoken.protocol.DeviceCsr;
import th.gfmis.keycloak.softtoken.protocol.DeviceKeys;
import th.gfmis.keycloak.softtoken.protocol.DeviceStatus;
import th.gfmis.keycloak.softtoken.protocol.EnrollmentRequest;
import th.gfmis.keycloak.softtoken.protocol.EnrollmentResponse;
import th.gfmis.keycloak.softtoken.protocol.NumberMatching;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenges;
import th.gfmis.keycloak.softtoken.protocol.RenewalRequest;
import th.gfmis.keycloak.softtoken.protocol.RequestBodies;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenCa;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenError;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenJson;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;

/**
 * A test-only, in-memory server of the device protocol on 127.0.0.1, built from the protocol
 * module's server-side functions the way the Keycloak provider is meant to use them. Not
 * thread-safe beyond what one test needs (handlers are synchronized).
 */
public final class FakeSoftTokenServer implements AutoCloseable {

  private record Activation(String username, Instant expiresAt) {}

  private record Device(String username, String deviceName, X509Certificate certificate) {}

  private record Challenge(String username, PendingChallenge summary, int displayed) {}

  private final SecureRandom random = new SecureRandom();
  private final String realm;
  private final HttpServer http;
  private final KeyPair caKeys = DeviceKeys.generate(random);
  private final X509Certificate caCertificate;
  private final Map<String, Activation> activations = new HashMap<>();
  private final Map<String, Device> devices = new HashMap<>();
  private final Set<String> revoked = new HashSet<>();
  private final Map<String, String> currentDevice = new HashMap<>();
  private final Map<String, Challenge> challenges = new HashMap<>();
  private final Set<String> usedJti = new HashSet<>();
  private final Set<String> usedNonces = new HashSet<>();
  private final Map<String, String> outcomes = new HashMap<>();
  private int requests;
  private Duration renewalWindow = SoftTokenProtocol.DEFAULT_DEVICE_CERTIFICATE_LIFETIME;

  public FakeSoftTokenServer(String realm) throws IOException {
    this.realm = realm;
    this.caCertificate =
        SoftTokenCa.createCaCertificate(
            caKeys,
            "CN=Test Soft Token CA",
            Instant.now(),
            SoftTokenProtocol.DEFAULT_CA_CERTIFICATE_LIFETIME,
            random);
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext(
        "/realms/" + realm + "/" + SoftTokenProtocol.PROVIDER_ID + "/", this::handle);
    http.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  public synchronized ActivationUri newActivation(String username) {
    String code = ActivationCodes.generate(random);
    activations.put(
        ActivationCodes.hash(code),
        new Activation(
            username, Instant.now().plus(SoftTokenProtocol.DEFAULT_ACTIVATION_CODE_TTL)));
    return new ActivationUri(baseUrl(), realm, code);
  }

  /** Starts a sign-in; returns the number the browser would show. */
  public synchronized int newChallenge(String username) {
    return newChallenge(username, NumberMatching.Mode.PICK);
  }

  /** Starts a sign-in whose number the holder picks or types; returns the number shown. */
  public synchronized int newChallenge(String username, NumberMatching.Mode mode) {
    NumberMatching.Numbers numbers = NumberMatching.generate(random);
    Instant now = Instant.now();
    PendingChallenge summary =
        new PendingChallenge(
            Base64Urls.random(random, SoftTokenProtocol.CHALLENGE_ID_BYTES),
            ChallengeResponses.newNonce(random),
            "gfmis",
            "New GFMIS Thai",
            now,
            now.plus(SoftTokenProtocol.DEFAULT_CHALLENGE_TTL),
            "Firefox on Linux",
            "127.0.0.1",
            mode == NumberMatching.Mode.PICK ? numbers.choices() : null,
            mode.wire());
    challenges.put(username, new Challenge(username, summary, numbers.displayed()));
    return numbers.displayed();
  }

  public synchronized String outcome(String username) {
    return outcomes.get(username);
  }

  /** Renewal window of the certificates it issues (default: their whole lifetime). */
  public synchronized void renewalWindow(Duration window) {
    renewalWindow = window;
  }

  public synchronized int requests() {
    return requests;
  }

  public X509Certificate caCertificate() {
    return caCertificate;
  }

  @Override
  public void close() {
    http.stop(0);
  }

  // ------------------------------------------------------------------ HTTP

  private synchronized void handle(HttpExchange exchange) throws IOException {
    requests++;
    try {
      String prefix = "/realms/" + realm + "/" + SoftTokenProtocol.PROVIDER_ID + "/";
      String path = exchange.getRequestURI().getRawPath().substring(prefix.length());
      String method = exchange.getRequestMethod();
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = RequestBodies.readLimited(in);
      }
      if (method.equals("POST") && path.equals(SoftTokenProtocol.PATH_ENROLL)) {
        send(exchange, 201, enroll(body));
      } else if (method.equals("GET") && path.equals(SoftTokenProtocol.PATH_CHALLENGES)) {
        send(exchange, 200, pending(authenticate(exchange)));
      } else if (method.equals("POST")
          && path.startsWith(SoftTokenProtocol.PATH_CHALLENGES + "/")
          && path.endsWith("/" + SoftTokenProtocol.PATH_RESPONSE_SEGMENT)) {
        String id =
            path.substring(
                SoftTokenProtocol.PATH_CHALLENGES.length() + 1,
                path.length() - SoftTokenProtocol.PATH_RESPONSE_SEGMENT.length() - 1);
        send(exchange, 200, respond(id, body));
      } else if (method.equals("GET") && path.equals(SoftTokenProtocol.PATH_DEVICE)) {
        send(exchange, 200, status(authenticate(exchange), SoftTokenProtocol.STATE_ACTIVE));
      } else if (method.equals("POST") && path.equals(SoftTokenProtocol.PATH_DEVICE_RENEW)) {
        send(exchange, 200, renew(authenticate(exchange), body));
      } else if (method.equals("POST") && path.equals(SoftTokenProtocol.PATH_DEVICE_REVOKE)) {
        DeviceAuth.Verified device = authenticate(exchange);
        revoked.add(device.kid());
        send(exchange, 200, status(device, SoftTokenProtocol.STATE_REVOKED));
      } else {
        throw new SoftTokenProtocolException(SoftTokenError.INVALID_REQUEST, "No such endpoint.");
      }
    } catch (SoftTokenProtocolException e) {
      if (e.httpStatus() == 401) {
        exchange.getResponseHeaders().add("WWW-Authenticate", SoftTokenProtocol.AUTH_SCHEME);
      }
      send(exchange, e.httpStatus(), e.toErrorResponse());
    } catch (RuntimeException e) {
      send(
          exchange,
          500,
          new SoftTokenProtocolException(SoftTokenError.SERVER_ERROR, "boom").toErrorResponse());
    }
  }

  private EnrollmentResponse enroll(byte[] body) throws SoftTokenProtocolException {
    EnrollmentRequest request = SoftTokenJson.read(body, EnrollmentRequest.class);
    request.validate();
    ECPublicKey key = DeviceCsr.verify(request.csr());
    Activation activation = activations.remove(ActivationCodes.hash(request.activationCode()));
    if (activation == null || Instant.now().isAfter(activation.expiresAt())) {
      throw new SoftTokenProtocolException(
          SoftTokenError.INVALID_ACTIVATION_CODE,
          SoftTokenError.INVALID_ACTIVATION_CODE.defaultDescription());
    }
    X509Certificate certificate =
        SoftTokenCa.issueDeviceCertificate(
            caKeys.getPrivate(),
            caCertificate,
            key,
            activation.username(),
            Instant.now(),
            SoftTokenProtocol.DEFAULT_DEVICE_CERTIFICATE_LIFETIME,
            random);
    String serial = Certificates.serialHex(certificate);
    String previous = currentDevice.put(activation.username(), serial);
    if (previous != null) {
      revoked.add(previous); // 1 user : 1 device
    }
    devices.put(
        serial, new Device(activation.username(), request.deviceNameOrDefault(), certificate));
    return EnrollmentResponse.of(
        certificate, List.of(caCertificate), request.deviceNameOrDefault(), activation.username());
  }

  private EnrollmentResponse renew(DeviceAuth.Verified device, byte[] body)
      throws SoftTokenProtocolException {
    RenewalRequest request = SoftTokenJson.read(body, RenewalRequest.class);
    request.validate();
    CertificateRenewal.checkBinding(device.claims(), request.csr());
    CertificateRenewal.checkRenewable(device.certificate(), renewalWindow, Instant.now());
    ECPublicKey key =
        CertificateRenewal.verifyCsr(request.csr(), device.certificate().getPublicKey());
    Device old = devices.get(device.kid());
    X509Certificate certificate =
        SoftTokenCa.issueDeviceCertificate(
            caKeys.getPrivate(),
            caCertificate,
            key,
            old.username(),
            Instant.now(),
            SoftTokenProtocol.DEFAULT_DEVICE_CERTIFICATE_LIFETIME,
            random);
    String serial = Certificates.serialHex(certificate);
    currentDevice.put(old.username(), serial);
    revoked.add(device.kid());
    devices.put(serial, new Device(old.username(), old.deviceName(), certificate));
    return EnrollmentResponse.of(
        certificate, List.of(caCertificate), old.deviceName(), old.username());
  }

  private CertificateResolver resolver(String requiredUser) {
    return kid -> {
      Device d = devices.get(kid);
      if (d == null || (requiredUser != null && !d.username().equals(requiredUser))) {
        throw new SoftTokenProtocolException(
            SoftTokenError.UNKNOWN_CERTIFICATE,
            SoftTokenError.UNKNOWN_CERTIFICATE.defaultDescription());
      }
      if (revoked.contains(kid)) {
        throw new SoftTokenProtocolException(
            SoftTokenError.CERTIFICATE_REVOKED,
            SoftTokenError.CERTIFICATE_REVOKED.defaultDescription());
      }
      Certificates.verifyIssuedBy(d.certificate(), caCertificate);
      return d.certificate();
    };
  }

  private DeviceAuth.Verified authenticate(HttpExchange exchange)
      throws SoftTokenProtocolException {
    String url = baseUrl() + exchange.getRequestURI().getRawPath();
    DeviceAuth.Verified verified =
        DeviceAuth.verify(
            exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestMethod(),
            url,
            Instant.now(),
            SoftTokenProtocol.DEFAULT_IAT_SKEW,
            resolver(null));
    if (!usedJti.add(verified.replayKey())) {
      throw new SoftTokenProtocolException(SoftTokenError.REPLAYED, "jti already used.");
    }
    return verified;
  }

  private PendingChallenges pending(DeviceAuth.Verified device) {
    Challenge c = challenges.get(devices.get(device.kid()).username());
    if (c == null || !Instant.now().isBefore(c.summary().expiresAt())) {
      return new PendingChallenges(List.of());
    }
    return new PendingChallenges(List.of(c.summary()));
  }

  private ChallengeResponseResult respond(String id, byte[] body)
      throws SoftTokenProtocolException {
    ChallengeResponseRequest request = SoftTokenJson.read(body, ChallengeResponseRequest.class);
    request.validate();
    Challenge challenge =
        challenges.values().stream()
            .filter(c -> c.summary().id().equals(id))
            .findFirst()
            .orElse(null);
    if (challenge == null) {
      throw new SoftTokenProtocolException(
          SoftTokenError.CHALLENGE_NOT_FOUND,
          SoftTokenError.CHALLENGE_NOT_FOUND.defaultDescription());
    }
    ChallengeResponses.ExpectedChallenge expected =
        new ChallengeResponses.ExpectedChallenge(
            id,
            challenge.summary().nonce(),
            challenge.displayed(),
            challenge.summary().expiresAt());
    ChallengeResponses.Verified verified;
    try {
      verified =
          ChallengeResponses.verify(
              request.response(),
              expected,
              Instant.now(),
              SoftTokenProtocol.DEFAULT_IAT_SKEW,
              resolver(challenge.username()));
    } catch (SoftTokenProtocolException e) {
      if (e.error() == SoftTokenError.WRONG_NUMBER) {
        challenges.remove(challenge.username());
        outcomes.put(challenge.username(), "wrong_number");
      }
      throw e;
    }
    if (!usedNonces.add(verified.replayKey())) {
      throw new SoftTokenProtocolException(SoftTokenError.REPLAYED, "Already answered.");
    }
    challenges.remove(challenge.username());
    ChallengeResponseResult result = ChallengeResponseResult.of(verified.decision());
    outcomes.put(challenge.username(), result.status());
    return result;
  }

  private DeviceStatus status(DeviceAuth.Verified device, String state) {
    Device d = devices.get(device.kid());
    return new DeviceStatus(
        d.username(),
        d.deviceName(),
        device.kid(),
        d.certificate().getNotAfter().toInstant(),
        state,
        CertificateRenewal.renewableFrom(d.certificate(), renewalWindow));
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = SoftTokenJson.writeBytes(body);
    exchange.getResponseHeaders().set("Content-Type", SoftTokenProtocol.MEDIA_TYPE_JSON);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
