package th.gfmis.keycloak.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every measured sign-in (kind, start, end, outcome), and the summary the load test prints at the
 * end: per kind, completed sign-ins per second, p50/p95/p99 of the whole sign-in (every request of
 * it, the device's included), and failures with when the first and last happened, so that a node
 * killed during the run shows as a window of errors.
 */
final class SignInRecorder {

  private record SignIn(String kind, long start, long end, boolean ok) {}

  private final List<SignIn> signIns = new ArrayList<>();

  synchronized void record(String kind, long startNanos, long endNanos, boolean ok) {
    signIns.add(new SignIn(kind, startNanos, endNanos, ok));
  }

  synchronized void print(PrintStream out, String target, int peak, int processors) {
    if (signIns.isEmpty()) {
      out.println("No sign-in was measured.");
      return;
    }
    long first = signIns.stream().mapToLong(SignIn::start).min().orElseThrow();
    long last = signIns.stream().mapToLong(SignIn::end).max().orElseThrow();
    double seconds = (last - first) / 1e9;
    out.printf(
        Locale.ROOT,
        "%nSign-ins against %s, up to %d concurrent of each kind, %.0f s, %d processor(s) here%n",
        target,
        peak,
        seconds,
        processors);
    out.printf(
        Locale.ROOT,
        "%-24s %8s %10s %8s %8s %8s %8s  %s%n",
        "",
        "done",
        "per second",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "failed",
        "failures between (s after start)");
    Map<String, List<SignIn>> byKind = new LinkedHashMap<>();
    for (SignIn signIn : signIns) {
      byKind.computeIfAbsent(signIn.kind(), k -> new ArrayList<>()).add(signIn);
    }
    for (Map.Entry<String, List<SignIn>> kind : byKind.entrySet()) {
      List<SignIn> ok = kind.getValue().stream().filter(SignIn::ok).toList();
      List<SignIn> failed = kind.getValue().stream().filter(s -> !s.ok()).toList();
      long[] millis =
          ok.stream().mapToLong(s -> (s.end() - s.start()) / 1_000_000).sorted().toArray();
      String window =
          failed.isEmpty()
              ? "-"
              : String.format(
                  Locale.ROOT,
                  "%.1f - %.1f",
                  (failed.stream().mapToLong(SignIn::end).min().orElseThrow() - first) / 1e9,
                  (failed.stream().mapToLong(SignIn::end).max().orElseThrow() - first) / 1e9);
      out.printf(
          Locale.ROOT,
          "%-24s %8d %10.2f %8d %8d %8d %8d  %s%n",
          kind.getKey(),
          ok.size(),
          ok.size() / seconds,
          percentile(millis, 50),
          percentile(millis, 95),
          percentile(millis, 99),
          failed.size(),
          window);
    }
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
