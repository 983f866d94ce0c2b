package th.gfmis.keycloak.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the servers have spent so far, read from each node's Prometheus metrics: the processor time
 * ({@code process_cpu_time_ns_total} on Keycloak's management port, {@code /metrics} with {@code
 * --metrics-enabled=true}). Unlike a wall-clock rate, it does not depend on what else the machine
 * is running, so it tells what one sign-in costs the server even on a busy machine. Beside it, the
 * writes each node has sent to the other nodes of the cluster (Infinispan's {@code
 * vendor_rpc_manager_replication_count}, summed over the caches): an exact count that no noise
 * moves.
 */
public final class ServerCounters {

  private static final Pattern CPU_NANOS =
      Pattern.compile("(?m)^process_cpu_time_ns_total(?:\\{[^}]*})? ([0-9.eE+]+)$");

  private static final Pattern REPLICATIONS =
      Pattern.compile("(?m)^vendor_rpc_manager_replication_count(?:\\{[^}]*})? ([0-9.eE+]+)$");

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
    double replications = 0;
    for (URI uri : metrics) {
      HttpResponse<String> response =
          BrowserSession.HTTP.send(
              HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
      cpuNanos += parse(uri, response.statusCode(), response.body());
      replications += replications(response.body());
    }
    return new Reading(cpuNanos, replications);
  }

  /**
   * @param cpuNanos processor time, nanoseconds
   * @param replications cache writes sent to other nodes (0 on a node without a cluster)
   */
  public record Reading(double cpuNanos, double replications) {}

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

  static double replications(String body) {
    double total = 0;
    Matcher matcher = REPLICATIONS.matcher(body);
    while (matcher.find()) {
      total += Double.parseDouble(matcher.group(1));
    }
    return total;
  }
}
