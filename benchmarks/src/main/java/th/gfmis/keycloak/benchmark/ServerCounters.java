package th.gfmis.keycloak.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the servers have spent so far, read from each node's Prometheus metrics: the processor time
 * ({@code process_cpu_time_ns_total} on Keycloak's management port, {@code /metrics} with {@code
 * --metrics-enabled=true}). Unlike a wall-clock rate, it does not depend on what else the machine
 * is running, so it tells what one sign-in costs the server even on a busy machine. Beside it, the
 * cache writes the nodes made, by cache (Infinispan's {@code vendor_statistics_stores}, {@code
 * remove_hits} and {@code remove_misses}, each counted on the node that made it): an exact count
 * that no noise moves. In a cluster, a write to a shared cache (actionTokens, the single-use store;
 * authenticationSessions, sessions, clientSessions, loginFailures, work) also goes to the other
 * nodes; realms, users and keys are each node's own local caches.
 */
public final class ServerCounters {

  private static final Pattern CPU_NANOS =
      Pattern.compile("(?m)^process_cpu_time_ns_total(?:\\{[^}]*})? ([0-9.eE+]+)$");

  private static final Pattern WRITES =
      Pattern.compile(
          "(?m)^vendor_statistics_(?:stores|remove_hits|remove_misses)\\{([^}]*)} ([0-9.eE+]+)$");

  private static final Pattern CACHE_LABEL = Pattern.compile("(?:^|,)cache=\"([^\"]*)\"");

  private final List<URI> metrics;

  /**
   * @param metrics the nodes' metrics addresses, e.g. {@code http://127.0.0.1:9000/metrics}
   */
  public ServerCounters(List<URI> metrics) {
    this.metrics = metrics;
  }

  public boolean enabled() {
    return !metrics.isEmpty();
  }

  /** The processor time all nodes have used so far, in nanoseconds. */
  public double nanos() throws IOException, InterruptedException {
    return read().cpuNanos();
  }

  /** What all nodes have used and sent so far. */
  public Reading read() throws IOException, InterruptedException {
    double cpuNanos = 0;
    Map<String, Double> writes = new TreeMap<>();
    for (URI uri : metrics) {
      HttpResponse<String> response =
          BrowserSession.HTTP.send(
              HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
      cpuNanos += parse(uri, response.statusCode(), response.body());
      writesByCache(response.body()).forEach((cache, n) -> writes.merge(cache, n, Double::sum));
    }
    return new Reading(cpuNanos, writes);
  }

  /**
   * @param cpuNanos processor time, nanoseconds
   * @param writesByCache cache writes made so far, by cache name
   */
  public record Reading(double cpuNanos, Map<String, Double> writesByCache) {

    /** The writes by cache made between {@code before} and this reading. */
    public Map<String, Double> writesSince(Reading before) {
      Map<String, Double> made = new TreeMap<>();
      writesByCache.forEach(
          (cache, n) -> made.put(cache, n - before.writesByCache.getOrDefault(cache, 0.0)));
      return made;
    }
  }

  /** The nodes' metrics addresses from a comma-separated list (empty: none). */
  public static List<URI> addresses(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(url -> !url.isEmpty())
        .map(URI::create)
        .toList();
  }

  static double parse(URI uri, int status, String body) {
    Matcher matcher = CPU_NANOS.matcher(body);
    if (status != 200 || !matcher.find()) {
      throw new IllegalStateException(
          uri
              + " does not serve process_cpu_time_ns_total (start Keycloak with --metrics-enabled=true)");
    }
    return Double.parseDouble(matcher.group(1));
  }

  static Map<String, Double> writesByCache(String body) {
    Map<String, Double> writes = new TreeMap<>();
    Matcher line = WRITES.matcher(body);
    while (line.find()) {
      Matcher cache = CACHE_LABEL.matcher(line.group(1));
      if (cache.find()) {
        writes.merge(cache.group(1), Double.parseDouble(line.group(2)), Double::sum);
      }
    }
    return writes;
  }
}
