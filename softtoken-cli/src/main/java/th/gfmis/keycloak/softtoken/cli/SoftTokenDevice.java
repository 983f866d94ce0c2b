package th.gfmis.keycloak.softtoken.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import th.gfmis.keycloak.softtoken.protocol.ActivationUri;
import th.gfmis.keycloak.softtoken.protocol.CertificateRenewal;
import th.gfmis.keycloak.softtoken.protocol.Certificates;
import th.gfmis.keycloak.softtoken.protocol.ChallengeResponseRequest;
import th.gfmis.keycloak.softtoken.protocol.ChallengeResponseResult;
import th.gfmis.keycloak.softtoken.protocol.ChallengeResponses;
import th.gfmis.keycloak.softtoken.protocol.Decision;
import th.gfmis.keycloak.softtoken.protocol.DeviceAuth;
import th.gfmis.keycloak.softtoken.protocol.DeviceCsr;
import th.gfmis.keycloak.softtoken.protocol.DeviceKeys;
import th.gfmis.keycloak.softtoken.protocol.DeviceStatus;
import th.gfmis.keycloak.softtoken.protocol.EnrollmentRequest;
import th.gfmis.keycloak.softtoken.protocol.EnrollmentResponse;
import th.gfmis.keycloak.softtoken.protocol.ErrorResponse;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenges;
import th.gfmis.keycloak.softtoken.protocol.RenewalRequest;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenCa;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenCrypto;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenJson;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenUrls;

/**
 * The reference Soft Token as a Java API: everything a phone app does, over HTTP, using only the
 * documented device protocol. The command line ({@link SoftTokenCli}) is a thin shell over it;
 * integration tests and benchmarks use it in-process.
 *
 * <p>An instance holds the device key in memory; {@link #save(Path, char[])} and {@link #load(Path,
 * char[])} keep it in a PIN-protected PKCS#12 file ({@link DeviceStore}). Instances are safe to use
 * from one thread at a time.
 */
public final class SoftTokenDevice {

  /** Largest response body read from the server. */
  private static final int MAX_RESPONSE_BYTES = 1024 * 1024;

  private final Config config;
  private final String server;
  private final String realm;
  private final String username;
  private final String deviceName;
  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;
  private final String kid;
  private final URI base;

  /**
   * How the device talks to the server.
   *
   * @param httpClient the HTTP client (redirects are not followed by the default one)
   * @param clock the device clock (iat claims)
   * @param random randomness for keys and jti
   * @param requestTimeout per-request timeout
   */
  public record Config(
      HttpClient httpClient, Clock clock, SecureRandom random, Duration requestTimeout) {

    /** Requires every member. */
    public Config {
      Objects.requireNonNull(httpClient, "httpClient");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(random, "random");
      Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /**
     * Defaults: a new HTTP client (10 s connect timeout, no redirects), the system UTC clock, a new
     * {@link SecureRandom}, 30 s per request.
     *
     * @return the defaults
     */
    public static Config defaults() {
      return new Config(
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .followRedirects(HttpClient.Redirect.NEVER)
              .build(),
          Clock.systemUTC(),
          new SecureRandom(),
          Duration.ofSeconds(30));
    }

    /**
     * The same with another clock (tests).
     *
     * @param other the clock
     * @return a new config
     */
    public Config withClock(Clock other) {
      return new Config(httpClient, other, random, requestTimeout);
    }
  }

  private SoftTokenDevice(
      Config config,
      String server,
      String realm,
      String username,
      String deviceName,
      PrivateKey privateKey,
      List<X509Certificate> chain) {
    SoftTokenCrypto.ensureInitialized();
    this.config = config;
    this.server = server;
    this.realm = realm;
    this.username = username;
    this.deviceName = deviceName;
    this.privateKey = privateKey;
    this.chain = List.copyOf(chain);
    this.kid = Certificates.serialHex(chain.get(0));
    this.base = SoftTokenUrls.deviceApiBase(server, realm);
  }

  // ---------------------------------------------------------------- enrollment

  /**
   * Parses the text of a QR code or link and enrolls. See {@link #enroll(ActivationUri, String,
   * Config)}.
   *
   * @param activationText the QR code text or https activation link
   * @param deviceName the device name, or null for the server's default
   * @return the enrolled device (not yet saved)
   * @throws SoftTokenClientException on any failure
   */
  public static SoftTokenDevice enroll(String activationText, String deviceName)
      throws SoftTokenClientException {
    return enroll(parseActivation(activationText), deviceName, Config.defaults());
  }

  /**
   * Enrolls: makes a new P-256 key, sends {@code POST enroll} with the activation code and a CSR
   * signed by that key, and checks the returned certificate (same key, serial, username).
   *
   * @param activation the parsed activation URI
   * @param deviceName the device name, or null for the server's default
   * @param config HTTP client, clock, randomness
   * @return the enrolled device (not yet saved)
   * @throws SoftTokenClientException the server's error, or a local one
   */
  public static SoftTokenDevice enroll(ActivationUri activation, String deviceName, Config config)
      throws SoftTokenClientException {
    SoftTokenCrypto.ensureInitialized();
    KeyPair keys = DeviceKeys.generate(config.random());
    EnrollmentRequest request =
        new EnrollmentRequest(activation.code(), DeviceCsr.createBase64(keys), deviceName);
    URI url = activation.deviceApiBase().resolve(SoftTokenProtocol.PATH_ENROLL);
    HttpRequest http =
        HttpRequest.newBuilder(url)
            .timeout(config.requestTimeout())
            .header("Content-Type", SoftTokenProtocol.MEDIA_TYPE_JSON)
            .header("Accept", SoftTokenProtocol.MEDIA_TYPE_JSON)
            .POST(HttpRequest.BodyPublishers.ofByteArray(SoftTokenJson.writeBytes(request)))
            .build();
    EnrollmentResponse response = send(config, http, 201, EnrollmentResponse.class);
    List<X509Certificate> chain = verifiedChain(response, keys, null);
    return new SoftTokenDevice(
        config,
        activation.server(),
        activation.realm(),
        response.username(),
        response.deviceName(),
        keys.getPrivate(),
        chain);
  }

  /**
   * Checks a certificate answer (enrollment or renewal): the certificate is for this key, the
   * serial and username match it, it verifies with the returned CA.
   *
   * @param expectedUser the user the device already belongs to, or null on enrollment
   * @return the device certificate followed by the CA chain
   */
  private static List<X509Certificate> verifiedChain(
      EnrollmentResponse response, KeyPair keys, String expectedUser)
      throws SoftTokenClientException {
    X509Certificate certificate;
    List<X509Certificate> caChain;
    try {
      certificate = response.parseCertificate();
      caChain = response.parseCaCertificates();
    } catch (SoftTokenProtocolException e) {
      throw invalidResponse("The enrollment answer has a malformed certificate.");
    }
    if (!Arrays.equals(certificate.getPublicKey().getEncoded(), keys.getPublic().getEncoded())) {
      throw invalidResponse("The issued certificate is not for this device's key.");
    }
    if (!Certificates.serialHex(certificate).equals(response.serialNumber())) {
      throw invalidResponse("serialNumber does not match the certificate.");
    }
    String certifiedUser = SoftTokenCa.username(certificate);
    if (certifiedUser == null || !certifiedUser.equals(response.username())) {
      throw invalidResponse("username does not match the certificate's CN.");
    }
    if (expectedUser != null && !expectedUser.equals(certifiedUser)) {
      throw invalidResponse("The renewed certificate names another user.");
    }
    if (!caChain.isEmpty()) {
      try {
        Certificates.verifyIssuedBy(certificate, caChain.get(0));
      } catch (SoftTokenProtocolException e) {
        throw invalidResponse("The certificate was not issued by the returned CA.");
      }
    }
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(certificate);
    chain.addAll(caChain);
    return chain;
  }

  /**
   * Parses the text of a QR code or activation link.
   *
   * @param text the text
   * @return the activation URI
   * @throws SoftTokenClientException {@code invalid_activation}
   */
  public static ActivationUri parseActivation(String text) throws SoftTokenClientException {
    try {
      return ActivationUri.parse(text);
    } catch (SoftTokenProtocolException e) {
      throw new SoftTokenClientException(
          SoftTokenClientException.INVALID_ACTIVATION, e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------- storage

  /**
   * Saves key, certificate chain and metadata ({@link DeviceStore}).
   *
   * @param store the PKCS#12 path (the sidecar is {@code <store>.json})
   * @param pin the PIN
   * @throws SoftTokenClientException {@code store_error}
   */
  public void save(Path store, char[] pin) throws SoftTokenClientException {
    DeviceStore.save(
        store,
        pin,
        new DeviceStore.Contents(
            new DeviceStore.Metadata(DeviceStore.FORMAT, server, realm, username, kid, deviceName),
            privateKey,
            chain));
  }

  /**
   * Loads a saved device with default HTTP settings.
   *
   * @param store the PKCS#12 path
   * @param pin the PIN
   * @return the device
   * @throws SoftTokenClientException {@code store_error}
   */
  public static SoftTokenDevice load(Path store, char[] pin) throws SoftTokenClientException {
    return load(store, pin, Config.defaults());
  }

  /**
   * Loads a saved device.
   *
   * @param store the PKCS#12 path
   * @param pin the PIN
   * @param config HTTP client, clock, randomness
   * @return the device
   * @throws SoftTokenClientException {@code store_error}
   */
  public static SoftTokenDevice load(Path store, char[] pin, Config config)
      throws SoftTokenClientException {
    DeviceStore.Contents contents = DeviceStore.load(store, pin);
    DeviceStore.Metadata m = contents.metadata();
    try {
      return new SoftTokenDevice(
          config,
          m.server(),
          m.realm(),
          m.username(),
          m.deviceName(),
          contents.privateKey(),
          contents.chain());
    } catch (IllegalArgumentException e) {
      throw new SoftTokenClientException(
          SoftTokenClientException.STORE_ERROR, "The store's server or realm is invalid.", e);
    }
  }

  // ---------------------------------------------------------------- operations

  /**
   * {@code GET challenges}: the pending login challenges (at most one in practice).
   *
   * @return the challenges, possibly empty
   * @throws SoftTokenClientException the server's error, or a local one
   */
  public List<PendingChallenge> pending() throws SoftTokenClientException {
    URI url = base.resolve(SoftTokenProtocol.PATH_CHALLENGES);
    PendingChallenges answer =
        send(config, authorized("GET", url).GET().build(), 200, PendingChallenges.class);
    return answer.challengesOrEmpty();
  }

  /**
   * Approves a challenge with the number the holder reads in the browser.
   *
   * @param challengeId the challenge, or null for the single pending one
   * @param number the number shown in the browser
   * @return {@code approved}
   * @throws SoftTokenClientException e.g. {@code wrong_number}, {@code challenge_expired}
   */
  public ChallengeResponseResult approve(String challengeId, int number)
      throws SoftTokenClientException {
    return respond(find(challengeId), Decision.APPROVE, number);
  }

  /**
   * Denies a challenge.
   *
   * @param challengeId the challenge, or null for the single pending one
   * @return {@code denied}
   * @throws SoftTokenClientException the server's error, or a local one
   */
  public ChallengeResponseResult deny(String challengeId) throws SoftTokenClientException {
    return respond(find(challengeId), Decision.DENY, null);
  }

  /**
   * {@code POST challenges/{id}/response} for a challenge already fetched.
   *
   * @param challenge the pending challenge
   * @param decision approve or deny
   * @param number the chosen number (required to approve)
   * @return the server's answer
   * @throws SoftTokenClientException the server's error, or a local one
   */
  public ChallengeResponseResult respond(
      PendingChallenge challenge, Decision decision, Integer number)
      throws SoftTokenClientException {
    String jws = signedResponse(challenge, decision, number);
    URI url;
    try {
      url = base.resolve(SoftTokenProtocol.challengeResponsePath(challenge.id()));
    } catch (IllegalArgumentException e) {
      throw invalidResponse("The challenge id is not base64url.");
    }
    HttpRequest http =
        HttpRequest.newBuilder(url)
            .timeout(config.requestTimeout())
            .header("Content-Type", SoftTokenProtocol.MEDIA_TYPE_JSON)
            .header("Accept", SoftTokenProtocol.MEDIA_TYPE_JSON)
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    SoftTokenJson.writeBytes(new ChallengeResponseRequest(jws))))
            .build();
    return send(config, http, 200, ChallengeResponseResult.class);
  }

  /**
   * The signed answer to a challenge, the {@code response} of {@code POST
   * challenges/{id}/response}, for a client that sends the request itself (a load generator).
   *
   * @param challenge the pending challenge
   * @param decision approve or deny
   * @param number the chosen number (required to approve)
   * @return the compact JWS
   * @throws IllegalArgumentException approving without a number
   */
  public String signedResponse(PendingChallenge challenge, Decision decision, Integer number) {
    return ChallengeResponses.sign(
        challenge, decision, number, kid, privateKey, config.clock().instant());
  }

  /**
   * {@code GET device}: the device's status as the server sees it.
   *
   * @return the status
   * @throws SoftTokenClientException e.g. {@code certificate_revoked}
   */
  public DeviceStatus status() throws SoftTokenClientException {
    URI url = base.resolve(SoftTokenProtocol.PATH_DEVICE);
    return send(config, authorized("GET", url).GET().build(), 200, DeviceStatus.class);
  }

  /**
   * {@code POST device/revoke}: revokes this device's certificate. The key stays usable for
   * nothing; delete the store afterwards.
   *
   * @return the status, state {@code revoked}
   * @throws SoftTokenClientException the server's error, or a local one
   */
  public DeviceStatus revoke() throws SoftTokenClientException {
    URI url = base.resolve(SoftTokenProtocol.PATH_DEVICE_REVOKE);
    return send(
        config,
        authorized("POST", url).POST(HttpRequest.BodyPublishers.noBody()).build(),
        200,
        DeviceStatus.class);
  }

  /**
   * {@code POST device/renew}: makes a new P-256 key, sends a CSR signed by it with a device-auth
   * header signed by the current key (its {@code csh} claim covers the CSR), and checks the new
   * certificate. The server then revokes the current certificate: save the returned device over the
   * old store at once.
   *
   * @return the renewed device (new key and certificate, same server, realm, user and name)
   * @throws SoftTokenClientException e.g. {@code renewal_too_early}, {@code certificate_expired}
   */
  public SoftTokenDevice renew() throws SoftTokenClientException {
    KeyPair keys = DeviceKeys.generate(config.random());
    String csr = DeviceCsr.createBase64(keys);
    URI url = base.resolve(SoftTokenProtocol.PATH_DEVICE_RENEW);
    HttpRequest http =
        HttpRequest.newBuilder(url)
            .timeout(config.requestTimeout())
            .header("Content-Type", SoftTokenProtocol.MEDIA_TYPE_JSON)
            .header("Accept", SoftTokenProtocol.MEDIA_TYPE_JSON)
            .header(
                "Authorization", authorizationHeader("POST", url, CertificateRenewal.csrHash(csr)))
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    SoftTokenJson.writeBytes(new RenewalRequest(csr))))
            .build();
    EnrollmentResponse response = send(config, http, 200, EnrollmentResponse.class);
    List<X509Certificate> renewed = verifiedChain(response, keys, username);
    return new SoftTokenDevice(
        config, server, realm, username, response.deviceName(), keys.getPrivate(), renewed);
  }

  // ---------------------------------------------------------------- accessors

  /**
   * @return the Keycloak base URL
   */
  public String server() {
    return server;
  }

  /**
   * @return the realm
   */
  public String realm() {
    return realm;
  }

  /**
   * @return the GFMIS user ID
   */
  public String username() {
    return username;
  }

  /**
   * @return the device name the server recorded
   */
  public String deviceName() {
    return deviceName;
  }

  /**
   * @return the device certificate serial, lowercase hex (the JWS kid)
   */
  public String serialNumber() {
    return kid;
  }

  /**
   * @return the device certificate
   */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /**
   * @return the device certificate then the CA chain
   */
  public List<X509Certificate> certificateChain() {
    return chain;
  }

  /**
   * @return end of the certificate's validity
   */
  public Instant notAfter() {
    return certificate().getNotAfter().toInstant();
  }

  /**
   * @return the device API base URL
   */
  public URI deviceApiBase() {
    return base;
  }

  /**
   * The Authorization header value for one request (exposed for tests of the server).
   *
   * @param method the HTTP method
   * @param url the full request URL
   * @return {@code SoftToken <jws>}
   */
  public String authorizationHeader(String method, URI url) {
    return authorizationHeader(method, url, null);
  }

  /**
   * The Authorization header value of a request carrying a CSR (exposed for tests of the server).
   *
   * @param method the HTTP method
   * @param url the full request URL
   * @param csh {@link CertificateRenewal#csrHash(String)} of the CSR, or null
   * @return {@code SoftToken <jws>}
   */
  public String authorizationHeader(String method, URI url, String csh) {
    return DeviceAuth.authorizationHeader(
        method, url, kid, privateKey, config.clock().instant(), config.random(), csh);
  }

  // ---------------------------------------------------------------- HTTP

  private PendingChallenge find(String challengeId) throws SoftTokenClientException {
    List<PendingChallenge> pending = pending();
    if (challengeId != null) {
      for (PendingChallenge c : pending) {
        if (challengeId.equals(c.id())) {
          return c;
        }
      }
      throw SoftTokenClientException.local(
          SoftTokenClientException.NO_PENDING_CHALLENGE,
          "No pending challenge with id " + challengeId + ".");
    }
    if (pending.isEmpty()) {
      throw SoftTokenClientException.local(
          SoftTokenClientException.NO_PENDING_CHALLENGE, "No sign-in is waiting for approval.");
    }
    if (pending.size() > 1) {
      throw SoftTokenClientException.local(
          SoftTokenClientException.AMBIGUOUS_CHALLENGE,
          "Several challenges are pending: choose one with its id.");
    }
    return pending.get(0);
  }

  private HttpRequest.Builder authorized(String method, URI url) {
    return HttpRequest.newBuilder(url)
        .timeout(config.requestTimeout())
        .header("Accept", SoftTokenProtocol.MEDIA_TYPE_JSON)
        .header("Authorization", authorizationHeader(method, url));
  }

  private static <T> T send(Config config, HttpRequest request, int expectedStatus, Class<T> type)
      throws SoftTokenClientException {
    HttpResponse<byte[]> response;
    try {
      response = config.httpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new SoftTokenClientException(
          SoftTokenClientException.NETWORK_ERROR,
          "Cannot reach " + request.uri().getHost() + ": " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SoftTokenClientException(SoftTokenClientException.NETWORK_ERROR, "Interrupted.", e);
    }
    byte[] body = response.body() == null ? new byte[0] : response.body();
    if (body.length > MAX_RESPONSE_BYTES) {
      throw invalidResponse("The server's answer is too large.");
    }
    int status = response.statusCode();
    if (status != expectedStatus) {
      ErrorResponse error = null;
      try {
        error = SoftTokenJson.read(body, ErrorResponse.class);
      } catch (SoftTokenProtocolException e) {
        // Not a protocol error body (a proxy's page, for example).
      }
      if (error != null && error.error() != null) {
        throw new SoftTokenClientException(
            status,
            error.error(),
            error.errorDescription() == null ? "" : error.errorDescription());
      }
      throw new SoftTokenClientException(
          status, "http_" + status, "Unexpected HTTP status " + status + ".");
    }
    try {
      return SoftTokenJson.read(body, type);
    } catch (SoftTokenProtocolException e) {
      throw invalidResponse("The server's answer is not a valid " + type.getSimpleName() + ".");
    }
  }

  private static SoftTokenClientException invalidResponse(String description) {
    return SoftTokenClientException.local(SoftTokenClientException.INVALID_RESPONSE, description);
  }
}
