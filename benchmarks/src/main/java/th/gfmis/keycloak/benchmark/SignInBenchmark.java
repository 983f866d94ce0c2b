package th.gfmis.keycloak.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;

/**
 * Complete sign-ins against a running server, side by side in one run: user ID + password + Soft
 * Token approved by the reference device, and user ID + password only, both through the demo client
 * with authorization code + PKCE up to the token response. Prints sign-ins per second, p50 and p95
 * latency, and the ratios.
 *
 * <pre>java -jar benchmarks/target/gfmis-benchmark.jar [--server URL] [--count N] [--warmup N]
 * </pre>
 */
public final class SignInBenchmark {

  private static final String FLOW = "gfmis browser";
  private static final String SOFT_TOKEN_CONFIG = "gfmis softtoken";
  private static final String PASSWORD = "Bench#Mark2026x";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Settings settings;
  private SoftTokenDevice device;

  private SignInBenchmark(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    new SignInBenchmark(settings).run();
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
      int warmup) {

    static Settings parse(String[] args) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i + 1 < args.length; i += 2) {
        values.put(args[i].replaceFirst("^--", ""), args[i + 1]);
      }
      return new Settings(
          values.getOrDefault("server", "http://localhost:8080"),
          values.getOrDefault("realm", "gfmis"),
          values.getOrDefault("client", "gfmis-demo"),
          values.getOrDefault("redirect-uri", "http://localhost:8025/app/callback"),
          values.getOrDefault("admin-user", "admin"),
          values.getOrDefault("admin-password", "admin"),
          Integer.parseInt(values.getOrDefault("count", "30")),
          Integer.parseInt(values.getOrDefault("warmup", "5")));
    }
  }

  private void run() throws Exception {
    AdminApi admin =
        new AdminApi(
            settings.server(), settings.realm(), settings.adminUser(), settings.adminPassword());
    String username =
        String.format(Locale.ROOT, "b%014d", System.currentTimeMillis() % 100_000_000_000_000L);
    String userId = admin.createUser(username, username + "@bench.gfmis.local", PASSWORD);
    Map<String, String> throttle = admin.authenticatorConfig(FLOW, SOFT_TOKEN_CONFIG);
    // One user signs in many times in a row; lift the per-user challenge throttle for the run.
    admin.updateAuthenticatorConfig(FLOW, SOFT_TOKEN_CONFIG, Map.of("maxChallenges", "1000000"));
    try {
      signIn(username, true); // the first sign-in enrolls the reference device
      for (int i = 0; i < settings.warmup(); i++) {
        signIn(username, false);
        signIn(username, true);
      }
      Latencies password = new Latencies();
      Latencies softToken = new Latencies();
      for (int i = 0; i < settings.count(); i++) {
        password.add(signIn(username, false));
        softToken.add(signIn(username, true));
      }
      report(password, softToken);
    } finally {
      admin.updateAuthenticatorConfig(FLOW, SOFT_TOKEN_CONFIG, throttle);
      admin.deleteUser(userId);
    }
  }

  /** One complete sign-in up to the token response; returns how long it took, in nanoseconds. */
  private long signIn(String username, boolean withSoftToken) throws Exception {
    long start = System.nanoTime();
    String verifier = random(32);
    BrowserSession browser = new BrowserSession(settings.redirectUri());
    LoginPage page = browser.get(authorizationUrl(verifier, withSoftToken));
    page =
        browser.post(
            page.formAction("kc-form-login"), Map.of("username", username, "password", PASSWORD));
    for (int step = 0; step < 8 && !page.isCallback(); step++) {
      page = nextStep(browser, page);
    }
    if (!page.isCallback()) {
      throw new IllegalStateException("sign-in did not finish: " + page.excerpt());
    }
    exchange(page.callback(), verifier);
    return System.nanoTime() - start;
  }

  /** What the holder does on the page Keycloak shows after the password. */
  private LoginPage nextStep(BrowserSession browser, LoginPage page) throws Exception {
    if (page.displayedNumber().isPresent()) {
      int number = page.displayedNumber().get();
      List<PendingChallenge> pending = device.pending();
      if (pending.isEmpty()) {
        throw new IllegalStateException("the device sees no challenge");
      }
      device.approve(pending.get(0).id(), number);
      return browser.post(
          page.formAction("gfmis-softtoken-approve-form"), Map.of("action", "check"));
    }
    if (page.activationLink().isPresent()) {
      device = SoftTokenDevice.enroll(page.activationLink().get(), "Benchmark device");
      return browser.post(
          page.formAction("gfmis-softtoken-enroll-form"), Map.of("action", "check"));
    }
    if (page.has("gfmis-softtoken-continue")) {
      return browser.post(
          page.formAction("gfmis-softtoken-enroll-form"), Map.of("action", "continue"));
    }
    throw new IllegalStateException("unexpected page: " + page.excerpt());
  }

  private String authorizationUrl(String verifier, boolean withSoftToken) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("client_id", settings.clientId());
    params.put("response_type", "code");
    params.put("scope", "openid");
    params.put("redirect_uri", settings.redirectUri());
    params.put("state", random(12));
    params.put("code_challenge", challenge(verifier));
    params.put("code_challenge_method", "S256");
    if (withSoftToken) {
      params.put("acr_values", "gfmis-softtoken");
    }
    return settings.server()
        + "/realms/"
        + settings.realm()
        + "/protocol/openid-connect/auth?"
        + form(params);
  }

  private void exchange(URI callback, String verifier) throws IOException, InterruptedException {
    String code =
        List.of(callback.getRawQuery().split("&")).stream()
            .filter(p -> p.startsWith("code="))
            .map(p -> p.substring(5))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no code in " + callback));
    Map<String, String> params = new LinkedHashMap<>();
    params.put("grant_type", "authorization_code");
    params.put("code", java.net.URLDecoder.decode(code, StandardCharsets.UTF_8));
    params.put("redirect_uri", settings.redirectUri());
    params.put("client_id", settings.clientId());
    params.put("code_verifier", verifier);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
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

  private void report(Latencies password, Latencies softToken) {
    System.out.printf(
        Locale.ROOT,
        "%nSign-ins against %s, realm %s, %d of each kind, interleaved%n",
        settings.server(),
        settings.realm(),
        password.count());
    System.out.printf(
        Locale.ROOT,
        "%-28s %12s %10s %10s %10s%n",
        "",
        "sign-ins/s",
        "p50 ms",
        "p95 ms",
        "mean ms");
    line("password only", password);
    line("password + Soft Token", softToken);
    System.out.printf(
        Locale.ROOT,
        "%nratio Soft Token / password: p50 %.2f×, p95 %.2f×, throughput %.2f×%n",
        softToken.percentile(50) / password.percentile(50),
        softToken.percentile(95) / password.percentile(95),
        softToken.perSecond() / password.perSecond());
  }

  private static void line(String label, Latencies latencies) {
    System.out.printf(
        Locale.ROOT,
        "%-28s %12.2f %10.1f %10.1f %10.1f%n",
        label,
        latencies.perSecond(),
        latencies.percentile(50),
        latencies.percentile(95),
        latencies.mean());
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  private static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
