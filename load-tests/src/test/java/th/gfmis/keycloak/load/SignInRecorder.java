package th.gfmis.keycloak.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every measured sign-in (kind, start, end, outcome), and the summary the load test prints at the
 * end: per kind, completed sign-ins per second at its plateau, p50/p95/p99 of the whole sign-in
 * (every request of it, the device's included), the requests to Keycloak of each completed sign-in
 * (redirects included; the device's wait for a push is none), and failures with when the first and
 * last happened, so that a node killed during the run shows as a window of errors.
 */
final class SignInRecorder {

  private record SignIn(String kind, long start, long end, boolean ok, int requests) {}

  private final List<SignIn> signIns = new ArrayList<>();

  synchronized void record(String kind, long startNanos, long endNanos, boolean ok, int requests) {
    signIns.add(new SignIn(kind, startNanos, endNanos, ok, requests));
  }

  /**
   * Prints the summary. Sign-ins per second are counted over each kind's plateau: its last {@code
   * plateauSeconds} (the hold at the peak concurrency), when the servers are as busy as this load
   * makes them; the servers' processor time per sign-in is for the same window.
   */
  synchronized void print(
      PrintStream out,
      String target,
      int peak,
      int processors,
      long plateauSeconds,
      CpuSampler cpu) {
    if (signIns.isEmpty()) {
      out.println("No sign-in was measured.");
      return;
    }
    long first = signIns.stream().mapToLong(SignIn::start).min().orElseThrow();
    long last = signIns.stream().mapToLong(SignIn::end).max().orElseThrow();
    out.printf(
        Locale.ROOT,
        "%nSign-ins against %s, up to %d concurrent of each kind, %.0f s, %d processor(s) here;"
            + " per second and server CPU over each kind's last %d s%n",
        target,
        peak,
        (last - first) / 1e9,
        processors,
        plateauSeconds);
    out.printf(
        Locale.ROOT,
        "%-24s %8s %10s %8s %8s %8s %9s %8s %14s  %s%n",
        "",
        "done",
        "per second",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "requests",
        "failed",
        "server CPU ms",
        "failures between (s after start)");
    Map<String, List<SignIn>> byKind = new LinkedHashMap<>();
    for (SignIn signIn : signIns) {
      byKind.computeIfAbsent(signIn.kind(), k -> new ArrayList<>()).add(signIn);
    }
    Map<String, Double> rates = new LinkedHashMap<>();
    Map<String, Double> cpuPerSignIn = new LinkedHashMap<>();
    for (Map.Entry<String, List<SignIn>> kind : byKind.entrySet()) {
      List<SignIn> ok = kind.getValue().stream().filter(SignIn::ok).toList();
      List<SignIn> failed = kind.getValue().stream().filter(s -> !s.ok()).toList();
      long[] millis =
          ok.stream().mapToLong(s -> (s.end() - s.start()) / 1_000_000).sorted().toArray();
      long kindEnd = kind.getValue().stream().mapToLong(SignIn::end).max().orElseThrow();
      long plateauStart = kindEnd - plateauSeconds * 1_000_000_000L;
      long onPlateau = ok.stream().filter(s -> s.end() >= plateauStart).count();
      double perSecond = onPlateau / (double) plateauSeconds;
      double cpuMillis =
          cpu.enabled() && onPlateau > 0
              ? cpu.spentBetween(plateauStart, kindEnd) / onPlateau / 1e6
              : Double.NaN;
      rates.put(kind.getKey(), perSecond);
      cpuPerSignIn.put(kind.getKey(), cpuMillis);
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
          "%-24s %8d %10.2f %8d %8d %8d %9.1f %8d %14.1f  %s%n",
          kind.getKey(),
          ok.size(),
          perSecond,
          percentile(millis, 50),
          percentile(millis, 95),
          percentile(millis, 99),
          ok.stream().mapToInt(SignIn::requests).average().orElse(0),
          failed.size(),
          cpuMillis,
          window);
    }
    Double password = rates.get(SignInSimulation.PASSWORD_ONLY);
    Double softToken = rates.get(SignInSimulation.SOFT_TOKEN);
    if (password != null && softToken != null && password > 0) {
      out.printf(
          Locale.ROOT,
          "%nSoft Token / password only: sign-ins per second %.2f×, server CPU per sign-in %.2f×%n",
          softToken / password,
          cpuPerSignIn.get(SignInSimulation.SOFT_TOKEN)
              / cpuPerSignIn.get(SignInSimulation.PASSWORD_ONLY));
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
