package th.gfmis.keycloak.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Durations of one kind of sign-in, and what they add up to. */
final class Latencies {

  private final List<Double> millis = new ArrayList<>();
  private double serverCpuNanos;
  private final Map<String, Double> writesByCache = new TreeMap<>();
  private int measuredSignIns;
  private long requests;

  void add(long nanos) {
    add(nanos, 0);
  }

  /** One sign-in: how long it took and how many HTTP requests it sent to the server. */
  void add(long nanos, int requestsSent) {
    millis.add(nanos / 1_000_000.0);
    requests += requestsSent;
  }

  /** What the servers spent on {@code signIns} of these sign-ins: processor time, cache writes. */
  void addServerCost(double cpuNanos, Map<String, Double> writes, int signIns) {
    serverCpuNanos += cpuNanos;
    writes.forEach((cache, n) -> writesByCache.merge(cache, n, Double::sum));
    measuredSignIns += signIns;
  }

  /** Cache writes per sign-in by cache name (empty when not measured). */
  Map<String, Double> writesPerSignInByCache() {
    Map<String, Double> perSignIn = new TreeMap<>();
    writesByCache.forEach((cache, n) -> perSignIn.put(cache, n / measuredSignIns));
    return perSignIn;
  }

  /** The servers' processor milliseconds per sign-in, or NaN when not measured. */
  double serverCpuMillis() {
    return measuredSignIns == 0 ? Double.NaN : serverCpuNanos / measuredSignIns / 1_000_000.0;
  }

  /** Cache writes per sign-in, all caches, or NaN when not measured. */
  double writesPerSignIn() {
    return measuredSignIns == 0
        ? Double.NaN
        : writesByCache.values().stream().mapToDouble(Double::doubleValue).sum() / measuredSignIns;
  }

  double requestsPerSignIn() {
    return millis.isEmpty() ? 0 : (double) requests / millis.size();
  }

  int count() {
    return millis.size();
  }

  double percentile(double p) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  double mean() {
    return millis.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  /** Sign-ins per second, one after another (the sum of their durations). */
  double perSecond() {
    double total = millis.stream().mapToDouble(Double::doubleValue).sum();
    return total == 0 ? 0 : millis.size() * 1000.0 / total;
  }
}
