package th.gfmis.keycloak.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The approval queue's API against Keycloak's own user list, on the same server, the same database
 * and the same number of rows, measured in one run: {@code n} registrations and {@code n} users
 * seeded straight into PostgreSQL ({@link QueueSeed}), then each call repeated, the calls taken in
 * turn so that a slow moment of the machine falls on all of them alike. Prints p50 and p95 per call
 * and the ratio to Keycloak's matching call.
 */
public final class QueueBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CLIENT = "gfmis-queue-benchmark";

  static final String USAGE =
      """
      Usage: java -cp benchmarks/target/gfmis-benchmark.jar th.gfmis.keycloak.benchmark.QueueBenchmark [options]

      Seeds registrations and as many users in the server's PostgreSQL database (kept for the next
      run), then measures the approval queue's API (/admin/realms/{realm}/gfmis/registrations) side
      by side with Keycloak's GET /admin/realms/{realm}/users; prints p50, p95 and the ratios.

        --server URL          Keycloak's address (on PostgreSQL)   (default http://localhost:8080)
        --realm NAME          realm                                (default gfmis)
        --admin-user NAME     master-realm administrator           (default admin)
        --admin-password PW   its password                         (default admin)
        --jdbc-url URL        the server's database                (default jdbc:postgresql://127.0.0.1:5432/keycloak)
        --db-user NAME        database user                        (default postgres)
        --db-password PW      its password                         (default postgres)
        --rows N              registrations and users to have      (default 100000)
        --count N             measured calls of each kind          (default 200)
        --warmup N            unmeasured calls of each kind        (default 30)
        --remove-seed yes     remove the seeded rows and stop
        --help                this text
      """;

  private final HttpClient http = HttpClient.newHttpClient();
  private final Options options;
  private final String server;
  private final String realm;
  private String token;

  private QueueBenchmark(Options options) {
    this.options = options;
    this.server = options.text("server", "http://localhost:8080");
    this.realm = options.text("realm", "gfmis");
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options =
          Options.parse(
              args,
              List.of(
                  "server",
                  "realm",
                  "admin-user",
                  "admin-password",
                  "jdbc-url",
                  "db-user",
                  "db-password",
                  "rows",
                  "count",
                  "warmup",
                  "remove-seed"));
      if (options != null) {
        options.number("rows", 1, 0);
        options.number("count", 1, 0);
        options.number("warmup", 0, 0);
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.print(USAGE);
      return;
    }
    QueueBenchmark benchmark = new QueueBenchmark(options);
    try {
      benchmark.run();
    } catch (ConnectException e) {
      System.err.println(
          "No server answers at "
              + benchmark.server
              + ". Start Keycloak with the bundle on PostgreSQL, or name it with --server URL.");
      System.exit(1);
    } catch (SQLException e) {
      if (e.getSQLState() == null || !e.getSQLState().startsWith("08")) {
        throw e;
      }
      System.err.println(
          "Cannot use the database at "
              + options.text("jdbc-url", "")
              + " ("
              + e.getMessage()
              + "). Name the server's database with --jdbc-url, --db-user and --db-password.");
      System.exit(1);
    }
  }

  private void run() throws Exception {
    AdminApi admin = admin(); // fails at once when no server answers
    QueueSeed seed =
        new QueueSeed(
            options.text("jdbc-url", "jdbc:postgresql://127.0.0.1:5432/keycloak"),
            options.text("db-user", "postgres"),
            options.text("db-password", "postgres"));
    if ("yes".equals(options.text("remove-seed", "no"))) {
      System.out.printf("Removed %d seeded registrations and their users.%n", seed.remove(realm));
      return;
    }
    int rows = options.number("rows", 1, 100_000);
    long seeding = System.nanoTime();
    int added = seed.seed(realm, rows);
    System.out.printf(
        Locale.ROOT,
        "Seeded %d registrations and users (now %d of each) in %.1f s%n",
        added,
        rows,
        (System.nanoTime() - seeding) / 1e9);
    String clientId =
        admin.createServiceClient(
            CLIENT,
            CLIENT + "-secret",
            List.of("gfmis-registration-auditor"),
            List.of("view-users"));
    try {
      token = clientToken();
      measure(seed, rows);
    } finally {
      admin.deleteClient(clientId);
    }
  }

  private AdminApi admin() throws IOException, InterruptedException {
    return new AdminApi(
        server,
        realm,
        options.text("admin-user", "admin"),
        options.text("admin-password", "admin"));
  }

  private void measure(QueueSeed seed, int rows) throws Exception {
    List<String> registrations = seed.sampleRegistrations(realm, 500);
    List<String> users = seed.sampleUsers(realm, 500);
    int deep = rows / 2;
    String week =
        Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    String queue = "/admin/realms/" + realm + "/gfmis/registrations";
    String keycloak = "/admin/realms/" + realm + "/users";
    Map<String, IntFunction<String>> calls = new LinkedHashMap<>();
    calls.put("queue: first page", i -> queue + "?first=0&max=20");
    calls.put("users: first page", i -> keycloak + "?first=0&max=20");
    calls.put("queue: page at " + deep, i -> queue + "?first=" + deep + "&max=20");
    List<String> seeks = cursorsAround(queue, deep, 10);
    calls.put(
        "queue: page at " + deep + " (seek)",
        i -> queue + "?after=" + seeks.get(i % seeks.size()) + "&max=20");
    calls.put("users: page at " + deep, i -> keycloak + "?first=" + deep + "&max=20");
    calls.put("queue: search user ID", i -> queue + "?q=T9" + agency(i) + "00&first=0&max=20");
    calls.put(
        "users: search user ID", i -> keycloak + "?search=t9" + agency(i) + "00&first=0&max=20");
    calls.put(
        "queue: filtered page",
        i ->
            queue
                + "?status=REQUEST&userIdPrefix=T9"
                + agency(i)
                + "&submittedFrom="
                + week
                + "&first=20&max=20");
    calls.put("queue: holder changes", i -> queue + "?holderChange=true&status=REQUEST&max=20");
    calls.put(
        "queue: search CID last 4",
        i -> queue + "?q=" + String.format(Locale.ROOT, "%04d", (i * 37) % 10_000) + "&max=20");
    calls.put("queue: counts", i -> queue + "/counts");
    calls.put("queue: open one", i -> queue + "/" + registrations.get(i % registrations.size()));
    calls.put("users: open one", i -> keycloak + "/" + users.get(i % users.size()));

    Map<String, Latencies> measured = new LinkedHashMap<>();
    calls.keySet().forEach(name -> measured.put(name, new Latencies()));
    int warmup = options.number("warmup", 0, 30);
    int count = options.number("count", 1, 200);
    for (int i = 0; i < warmup + count; i++) {
      for (Map.Entry<String, IntFunction<String>> call : calls.entrySet()) {
        long took = get(call.getValue().apply(i));
        if (i >= warmup) {
          measured.get(call.getKey()).add(took);
        }
      }
    }
    report(measured, rows, count);
  }

  /**
   * The {@code next} of the pages just before {@code offset}, {@code offset + 20}, ...: what the
   * console passes as {@code after} when an approver pages forward to there.
   */
  private List<String> cursorsAround(String queue, int offset, int n)
      throws IOException, InterruptedException {
    List<String> cursors = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      String body = send(queue + "?first=" + (offset - 20 + 20 * k) + "&max=20").body();
      cursors.add(JSON.readTree(body).get("next").asText());
    }
    return cursors;
  }

  private static String agency(int i) {
    return String.format(Locale.ROOT, "%04d", (i * 13) % 200);
  }

  /** One GET with the caller's token; returns how long it took, in nanoseconds. */
  private long get(String path) throws IOException, InterruptedException {
    long start = System.nanoTime();
    send(path);
    return System.nanoTime() - start;
  }

  private HttpResponse<String> send(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 401) {
      token = clientToken();
      return send(path);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + path + " said " + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  /** A token of the benchmark's client (client credentials). */
  private String clientToken() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(server + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id="
                            + CLIENT
                            + "&client_secret="
                            + CLIENT
                            + "-secret"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "token endpoint said " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body()).get("access_token").asText();
  }

  private void report(Map<String, Latencies> measured, int rows, int count) {
    System.out.printf(
        Locale.ROOT,
        "%nAgainst %s, realm %s: %d registrations and %d users; %d calls of each kind, in turn%n",
        server,
        realm,
        rows,
        rows,
        count);
    System.out.printf(
        Locale.ROOT, "%-28s %10s %10s %16s%n", "", "p50 ms", "p95 ms", "p95 / users' p95");
    List<String> names = new ArrayList<>(measured.keySet());
    for (String name : names) {
      Latencies latencies = measured.get(name);
      String pair =
          name.startsWith("queue: ")
              ? "users: " + name.substring(7).replaceFirst(" \\(seek\\)$", "")
              : null;
      String ratio =
          pair != null && measured.containsKey(pair)
              ? String.format(
                  Locale.ROOT, "%.2f", latencies.percentile(95) / measured.get(pair).percentile(95))
              : "";
      System.out.printf(
          Locale.ROOT,
          "%-28s %10.1f %10.1f %16s%n",
          name,
          latencies.percentile(50),
          latencies.percentile(95),
          ratio);
    }
  }
}
