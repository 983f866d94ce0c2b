package th.gfmis.keycloak.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations of one kind of sign-in, and what they add up to. */
final class Latencies {

  private final List<Double> millis = new ArrayList<>();

  void add(long nanos) {
    millis.add(nanos / 1_000_000.0);
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
