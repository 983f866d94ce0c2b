package th.gfmis.keycloak.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;
import th.gfmis.keycloak.softtoken.protocol.Decision;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;

/**
 * Complete sign-ins against a running server, side by side in one run: user ID + password + Soft
 * Token approved by the reference device, and user ID + password only, both through the demo client
 * with authorization code + PKCE up to the token response. Prints sign-ins per second, p50 and p95
 * latency, and the ratios.
 *
 * <p>It changes no realm setting: the Soft Token step lets one user start only so many sign-ins
 * from one address in its window ({@code maxChallenges}), so the run spreads its sign-ins over as
 * many benchmark users as that needs, each given an enrollment grant and its own reference device,
 * and deletes them afterwards.
 */
public final class SignInBenchmark {

  private static final String FLOW = "gfmis browser";
  private static final String PASSWORD_LEVEL = "gfmis level 1";
  private static final String SOFT_TOKEN_CONFIG = "gfmis softtoken";
  private static final String PASSWORD = "Bench#Mark2026x";
  private static final int DEFAULT_MAX_CHALLENGES = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Sign-ins of one kind in a row, between two readings of the servers' processor time. */
  private static final int BLOCK = 10;

  private static final Duration PUSH_WAIT = Duration.ofSeconds(10);

  /**
   * Users with Keycloak's one-time code (--compare-with keycloak-otp): each may sign in once per
   * time step, so this many allow as many sign-ins in 30 s before the run waits for the next step.
   */
  private static final int OTP_USERS = 100;

  static final String USAGE =
      """
      Usage: java -jar benchmarks/target/gfmis-benchmark.jar [options]

      Complete sign-ins against a running GFMIS Sign-in server (./run-demo.sh), password only and
      password + Soft Token side by side; prints sign-ins per second, p50, p95 and the ratios.

        --server URL          Keycloak's address              (default http://localhost:8080)
        --realm NAME          realm                            (default gfmis)
        --client ID           public client with code + PKCE   (default gfmis-demo)
        --redirect-uri URI    that client's redirect URI       (default http://localhost:8025/app/callback)
        --admin-user NAME     master-realm administrator       (default admin)
        --admin-password PW   its password                     (default admin)
        --count N             measured sign-ins of each kind   (default 30)
        --warmup N            unmeasured sign-ins of each kind (default 5)
        --challenge-delivery  list: the device lists its challenges (default); push: it gets
                              them by Web Push at a receiver in this process, which the server
                              must be allowed to reach (./run-cluster.sh allows 127.0.0.1)
        --compare-with W      none (default), or keycloak-otp: also password + Keycloak's
                              own one-time-code form (auth-otp-form) after the same
                              password step, through a copy of the browser flow and
                              of the client made for the run and removed after it
        --metrics URL,...     each node's metrics (Keycloak's management port, e.g.
                              http://127.0.0.1:9000/metrics): adds the servers' processor time
                              and the cache writes per sign-in (stores and removals,
                              exact), in all and by cache: in a cluster, those to the
                              shared caches (actionTokens, authenticationSessions,
                              sessions, ...) also go to the other nodes
        --help                this text
      """;

  private final Settings settings;
  private final Map<String, SoftTokenDevice> devices = new HashMap<>();
  private PushReceiver pushes;
  private KeycloakOtpFlow otpFlow;
  private OtpUsers otpUsers;
  private String signingIn;
  private int requests;
  private int deviceRequests;

  private SignInBenchmark(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    Settings settings;
    try {
      settings = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (settings == null) {
      System.out.print(USAGE);
      return;
    }
    try {
      new SignInBenchmark(settings).run();
    } catch (ConnectException e) {
      System.err.println(
          "No server answers at "
              + settings.server()
              + ". Start one with ./run-demo.sh, or name it with --server URL.");
      System.exit(1);
    }
  }

  /** Command-line settings, with defaults for the local demo. */
  record Settings(
      String server,
      String realm,
      String clientId,
      String redirectUri,
      String adminUser,
      String adminPassword,
      int count,
      int warmup,
      List<URI> metrics,
      boolean pushDelivery,
      boolean compareWithKeycloakOtp) {

    private static final List<String> NAMES =
        List.of(
            "server",
            "realm",
            "client",
            "redirect-uri",
            "admin-user",
            "admin-password",
            "count",
            "warmup",
            "metrics",
            "challenge-delivery",
            "compare-with");

    /** The settings, or null when help was asked for; throws on anything it does not know. */
    static Settings parse(String[] args) {
      Options options = Options.parse(args, NAMES);
      if (options == null) {
        return null;
      }
      return new Settings(
          options.text("server", "http://localhost:8080"),
          options.text("realm", "gfmis"),
          options.text("client", "gfmis-demo"),
          options.text("redirect-uri", "http://localhost:8025/app/callback"),
          options.text("admin-user", "admin"),
          options.text("admin-password", "admin"),
          options.number("count", 1, 30),
          options.number("warmup", 0, 5),
          ServerCounters.addresses(options.text("metrics", "")),
          options.chooses("challenge-delivery", "list", "push"),
          options.chooses("compare-with", "none", "keycloak-otp"));
    }
  }

  private void run() throws Exception {
    if (settings.pushDelivery()) {
      try (PushReceiver receiver = new PushReceiver()) {
        pushes = receiver;
        runSignIns();
      }
    } else {
      runSignIns();
    }
  }

  private void runSignIns() throws Exception {
    AdminApi admin =
        new AdminApi(
            settings.server(), settings.realm(), settings.adminUser(), settings.adminPassword());
    List<String> users = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try {
      int perUser = softTokenSignInsPerUser(admin);
      int rounds = settings.warmup() + settings.count();
      int needed = (rounds + perUser - 1) / perUser;
      long stamp = System.currentTimeMillis() % 10_000_000_000_000L;
      for (int i = 0; i < needed; i++) {
        String username = String.format(Locale.ROOT, "b%013d%d", stamp, i);
        String id = admin.createUser(username, username + "@bench.gfmis.local", PASSWORD);
        ids.add(id);
        admin.grantEnrollment(id);
        signIn(username, Kind.SOFT_TOKEN); // Get Certificate: enrolls this user's reference device
        users.add(username);
      }
      if (settings.compareWithKeycloakOtp()) {
        otpFlow = KeycloakOtpFlow.create(admin, FLOW, PASSWORD_LEVEL, settings.clientId());
        otpUsers = OtpUsers.forRealm(admin);
        for (int i = 0; i < OTP_USERS; i++) {
          String username = String.format(Locale.ROOT, "o%013d%d", stamp, i);
          ids.add(otpUsers.create(admin, username, username + "@bench.gfmis.local", PASSWORD));
        }
        // Unmeasured: each user once, so that Keycloak has them all in its cache.
        signInEach(otpUsers.takeAll(OTP_USERS), Kind.KEYCLOAK_OTP);
      }
      Map<Kind, Latencies> measured = new EnumMap<>(Kind.class);
      ServerCounters cpu = new ServerCounters(settings.metrics());
      for (int first = 0; first < rounds; first += BLOCK) {
        int last = Math.min(rounds, first + BLOCK);
        for (Kind kind : kinds()) {
          List<String> signingIn = usersFor(kind, users, first, last);
          signInBlock(
              kind, signingIn, first, measured.computeIfAbsent(kind, k -> new Latencies()), cpu);
          giveBack(kind, signingIn);
        }
      }
      report(measured, users.size());
    } finally {
      for (String id : ids) {
        admin.deleteUser(id);
      }
      if (otpFlow != null) {
        otpFlow.close();
      }
    }
  }

  private List<Kind> kinds() {
    return settings.compareWithKeycloakOtp()
        ? List.of(Kind.PASSWORD, Kind.SOFT_TOKEN, Kind.KEYCLOAK_OTP)
        : List.of(Kind.PASSWORD, Kind.SOFT_TOKEN);
  }

  /** The users of sign-ins {@code first} to {@code last - 1} of one kind. */
  private List<String> usersFor(Kind kind, List<String> softTokenUsers, int first, int last)
      throws InterruptedException {
    if (kind == Kind.KEYCLOAK_OTP) {
      return otpUsers.takeAll(last - first);
    }
    List<String> chosen = new ArrayList<>();
    for (int i = first; i < last; i++) {
      chosen.add(softTokenUsers.get(i % softTokenUsers.size()));
    }
    return chosen;
  }

  /**
   * Sign-ins of one kind, one after another, numbered from {@code first}; those after the warm-up
   * are measured, with the servers' processor time around the block.
   */
  private void signInBlock(
      Kind kind, List<String> users, int first, Latencies into, ServerCounters cpu)
      throws Exception {
    ServerCounters.Reading before = cpu.enabled() ? cpu.read() : null;
    int measured = 0;
    for (int i = 0; i < users.size(); i++) {
      long took = signIn(users.get(i), kind);
      if (first + i >= settings.warmup()) {
        into.add(took, requests);
        measured++;
      }
    }
    if (before != null && measured > 0) {
      ServerCounters.Reading after = cpu.read();
      double share = (double) measured / users.size();
      Map<String, Double> writes = new TreeMap<>();
      after.writesSince(before).forEach((cache, n) -> writes.put(cache, n * share));
      into.addServerCost((after.cpuNanos() - before.cpuNanos()) * share, writes, measured);
    }
  }

  private void signInEach(List<String> usernames, Kind kind) throws Exception {
    for (String username : usernames) {
      signIn(username, kind);
    }
    giveBack(kind, usernames);
  }

  /** The one-time-code users of a block may sign in again (in a later time step). */
  private void giveBack(Kind kind, List<String> usernames) {
    if (kind == Kind.KEYCLOAK_OTP) {
      usernames.forEach(otpUsers::release);
    }
  }

  /**
   * How many Soft Token sign-ins one user may start from this address in the step's throttle
   * window, less one for safety; read, never changed.
   */
  private static int softTokenSignInsPerUser(AdminApi admin)
      throws IOException, InterruptedException {
    String configured = admin.authenticatorConfig(FLOW, SOFT_TOKEN_CONFIG).get("maxChallenges");
    int max = configured == null ? DEFAULT_MAX_CHALLENGES : Integer.parseInt(configured.strip());
    return Math.max(1, max - 1);
  }

  /** One complete sign-in up to the token response; returns how long it took, in nanoseconds. */
  private long signIn(String username, Kind kind) throws Exception {
    long start = System.nanoTime();
    signingIn = username;
    deviceRequests = 0;
    String verifier = Pkce.verifier();
    BrowserSession browser = new BrowserSession(settings.redirectUri());
    LoginPage page = browser.get(authorizationUrl(verifier, kind));
    page =
        browser.post(
            page.formAction("kc-form-login"), Map.of("username", username, "password", PASSWORD));
    for (int step = 0; step < 8 && !page.isCallback(); step++) {
      page = nextStep(browser, page);
    }
    if (!page.isCallback()) {
      throw new IllegalStateException("sign-in did not finish: " + page.excerpt());
    }
    exchange(page.callback(), verifier, clientFor(kind));
    long took = System.nanoTime() - start;
    requests = browser.requests() + deviceRequests + 1;
    return took;
  }

  /** What the holder does on the page Keycloak shows after the password. */
  private LoginPage nextStep(BrowserSession browser, LoginPage page) throws Exception {
    if (page.has(KeycloakOtpFlow.FORM_ID)) {
      return browser.post(
          page.formAction(KeycloakOtpFlow.FORM_ID), Map.of("otp", otpUsers.code(signingIn)));
    }
    if (page.displayedNumber().isPresent()) {
      int number = page.displayedNumber().get();
      SoftTokenDevice device = devices.get(signingIn);
      if (device == null) {
        throw new IllegalStateException("no device enrolled for " + signingIn);
      }
      device.respond(challengeOnDevice(device, number), Decision.APPROVE, number);
      deviceRequests++;
      return browser.post(
          page.formAction("gfmis-softtoken-approve-form"), Map.of("action", "check"));
    }
    if (page.activationLink().isPresent()) {
      SoftTokenDevice device =
          SoftTokenDevice.enroll(page.activationLink().get(), "Benchmark device");
      devices.put(signingIn, device);
      if (pushes != null) {
        pushes.subscribe(device, signingIn);
      }
      return browser.post(
          page.formAction("gfmis-softtoken-enroll-form"), Map.of("action", "check"));
    }
    if (page.has("gfmis-softtoken-continue")) {
      return browser.post(
          page.formAction("gfmis-softtoken-enroll-form"), Map.of("action", "continue"));
    }
    throw new IllegalStateException("unexpected page: " + page.excerpt());
  }

  /** The challenge as it reaches the device: pushed, or listed (one request more). */
  private PendingChallenge challengeOnDevice(SoftTokenDevice device, int number) throws Exception {
    if (pushes != null) {
      return pushes
          .await(signingIn, number, PUSH_WAIT)
          .orElseThrow(() -> new IllegalStateException("no push within " + PUSH_WAIT));
    }
    List<PendingChallenge> pending = device.pending();
    deviceRequests++;
    if (pending.isEmpty()) {
      throw new IllegalStateException("the device sees no challenge");
    }
    return pending.get(0);
  }

  private String clientFor(Kind kind) {
    return kind == Kind.KEYCLOAK_OTP ? otpFlow.clientId() : settings.clientId();
  }

  private String authorizationUrl(String verifier, Kind kind) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("client_id", clientFor(kind));
    params.put("response_type", "code");
    params.put("scope", "openid");
    params.put("redirect_uri", settings.redirectUri());
    params.put("state", Pkce.verifier());
    params.put("code_challenge", Pkce.challenge(verifier));
    params.put("code_challenge_method", "S256");
    if (kind == Kind.SOFT_TOKEN) {
      params.put("acr_values", "gfmis-softtoken");
    }
    return settings.server()
        + "/realms/"
        + settings.realm()
        + "/protocol/openid-connect/auth?"
        + form(params);
  }

  private void exchange(URI callback, String verifier, String clientId)
      throws IOException, InterruptedException {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("grant_type", "authorization_code");
    params.put("code", Pkce.code(callback.toString()));
    params.put("redirect_uri", settings.redirectUri());
    params.put("client_id", clientId);
    params.put("code_verifier", verifier);
    HttpResponse<String> response =
        BrowserSession.HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        settings.server()
                            + "/realms/"
                            + settings.realm()
                            + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || !JSON.readTree(response.body()).has("id_token")) {
      throw new IllegalStateException(
          "token endpoint said " + response.statusCode() + ": " + response.body());
    }
  }

  private void report(Map<Kind, Latencies> measured, int users) {
    Latencies password = measured.get(Kind.PASSWORD);
    System.out.printf(
        Locale.ROOT,
        "%nSign-ins against %s, realm %s, %d of each kind, in alternating blocks of %d, over %d"
            + " user(s)%n",
        settings.server(),
        settings.realm(),
        password.count(),
        BLOCK,
        users);
    System.out.printf(
        Locale.ROOT,
        "%-32s %11s %8s %8s %8s %10s %14s %13s%n",
        "",
        "sign-ins/s",
        "p50 ms",
        "p95 ms",
        "mean ms",
        "requests",
        "server CPU ms",
        "cache writes");
    measured.forEach((kind, latencies) -> line(kind.label, latencies));
    measured.forEach(
        (kind, latencies) -> {
          if (kind != Kind.PASSWORD) {
            compare(kind, latencies, password);
          }
        });
    printWrites(measured);
  }

  /** One kind with a second step against password only. */
  private static void compare(Kind kind, Latencies latencies, Latencies password) {
    System.out.printf(
        Locale.ROOT,
        "%n%s / password: p50 %.2f× (%+.1f ms), p95 %.2f×, throughput one at a time"
            + " %.2f×, requests %+.1f%n",
        kind.shortLabel,
        latencies.percentile(50) / password.percentile(50),
        latencies.percentile(50) - password.percentile(50),
        latencies.percentile(95) / password.percentile(95),
        latencies.perSecond() / password.perSecond(),
        latencies.requestsPerSignIn() - password.requestsPerSignIn());
    if (!Double.isNaN(latencies.serverCpuMillis())) {
      System.out.printf(
          Locale.ROOT,
          "server CPU per sign-in %.2f× (%+.1f ms), so at CPU saturation the servers would sign in"
              + " %.2f× as many with the %s as with the password only%n",
          latencies.serverCpuMillis() / password.serverCpuMillis(),
          latencies.serverCpuMillis() - password.serverCpuMillis(),
          password.serverCpuMillis() / latencies.serverCpuMillis(),
          kind.shortLabel);
    }
  }

  /** The caches any kind writes to, with the writes per sign-in of each kind. */
  private static void printWrites(Map<Kind, Latencies> measured) {
    Map<Kind, Map<String, Double>> byKind = new EnumMap<>(Kind.class);
    measured.forEach((kind, latencies) -> byKind.put(kind, latencies.writesPerSignInByCache()));
    Set<String> caches = new TreeSet<>();
    byKind.values().forEach(writes -> caches.addAll(writes.keySet()));
    caches.removeIf(
        cache ->
            byKind.values().stream()
                .allMatch(writes -> Math.abs(writes.getOrDefault(cache, 0.0)) < 0.05));
    if (caches.isEmpty()) {
      return;
    }
    System.out.printf(
        Locale.ROOT, "%nCache writes per sign-in, all nodes (stores and removals, by cache):%n");
    System.out.printf(Locale.ROOT, "%-24s", "cache");
    byKind.keySet().forEach(kind -> System.out.printf(Locale.ROOT, " %22s", kind.columnLabel));
    System.out.println();
    for (String cache : caches) {
      System.out.printf(Locale.ROOT, "%-24s", cache);
      byKind
          .values()
          .forEach(
              writes -> System.out.printf(Locale.ROOT, " %22.1f", writes.getOrDefault(cache, 0.0)));
      System.out.println();
    }
  }

  private static void line(String label, Latencies latencies) {
    System.out.printf(
        Locale.ROOT,
        "%-32s %11.2f %8.1f %8.1f %8.1f %10.1f %14.1f %13.1f%n",
        label,
        latencies.perSecond(),
        latencies.percentile(50),
        latencies.percentile(95),
        latencies.mean(),
        latencies.requestsPerSignIn(),
        latencies.serverCpuMillis(),
        latencies.writesPerSignIn());
  }

  private static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** What a sign-in asks for after the password. */
  private enum Kind {
    PASSWORD("password only", "password only", "password only"),
    SOFT_TOKEN("password + Soft Token", "Soft Token", "+ Soft Token"),
    KEYCLOAK_OTP("password + Keycloak one-time code", "Keycloak one-time code", "+ Keycloak OTP");

    final String label;
    final String shortLabel;
    final String columnLabel;

    Kind(String label, String shortLabel, String columnLabel) {
      this.label = label;
      this.shortLabel = shortLabel;
      this.columnLabel = columnLabel;
    }
  }
}
