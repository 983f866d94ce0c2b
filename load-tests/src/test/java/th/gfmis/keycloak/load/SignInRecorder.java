package th.gfmis.keycloak.load;

import io.gatling.javaapi.core.Session;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import th.gfmis.keycloak.benchmark.RoundSpread;

/**
 * Every measured sign-in (kind, start, end, outcome), and the summary the load test prints at the
 * end: per kind, completed sign-ins per second at its plateau, p50/p95/p99 of the whole sign-in
 * (every request of it, the device's included), the requests to Keycloak of each completed sign-in
 * (redirects included; the device's wait for a push is none), and failures with when the first and
 * last happened, so that a node killed during the run shows as a window of errors.
 */
final class SignInRecorder {

  /** A sign-in; {@code seen} is what a failed one's last answer was, null when it succeeded. */
  private record SignIn(String kind, long start, long end, String seen, int requests) {
    boolean ok() {
      return seen == null;
    }
  }

  private static final Pattern ALERT =
      Pattern.compile(
          "class=\"[^\"]*(?:kc-feedback-text|alert__title|instruction)[^\"]*\"[^>]*>\\s*([^<]+)<");
  private static final Pattern FORM = Pattern.compile("<form id=\"([^\"]+)\"");
  private static final Pattern TITLE = Pattern.compile("<title>\\s*([^<]*)</title>");

  private final List<SignIn> signIns = new ArrayList<>();
  private final long startedNanos = System.nanoTime();
  private final Instant started = Instant.now();

  /**
   * What the request at which a sign-in failed got: the request, the HTTP status (or "no answer"),
   * and the page's message, else its form, else its title. Pages of the sign-in flow name no
   * person.
   */
  static String seen(Session session) {
    String status =
        (session.contains("step") ? session.getString("step") + ": " : "")
            + (session.contains("status") ? "HTTP " + session.getInt("status") : "no answer");
    String html = session.contains("html") ? session.getString("html") : "";
    Matcher alert = ALERT.matcher(html);
    Matcher title = TITLE.matcher(html);
    Matcher form = FORM.matcher(html);
    String text =
        alert.find()
            ? alert.group(1)
            : form.find() ? "form " + form.group(1) : title.find() ? title.group(1) : "";
    text = text.strip().replaceAll("\\s+", " ");
    return text.isEmpty() ? status : status + " \"" + text + "\"";
  }

  synchronized void record(String kind, long startNanos, long endNanos, String seen, int requests) {
    signIns.add(new SignIn(kind, startNanos, endNanos, seen, requests));
  }

  /**
   * Prints the summary. Sign-ins per second are counted over each kind's plateau: its last {@code
   * plateauSeconds} after its first {@code rampSeconds} (the hold at the peak concurrency), when
   * the servers are as busy as this load makes them; the servers' and this load generator's
   * processor time per sign-in are for the same window.
   */
  synchronized void print(
      PrintStream out,
      String target,
      int peak,
      int processors,
      long rampSeconds,
      long plateauSeconds,
      int rounds,
      CpuSampler cpu) {
    long rampNanos = rampSeconds * 1_000_000_000L;
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
        "%-28s %8s %10s %8s %8s %8s %9s %8s %14s %14s  %s%n",
        "",
        "done",
        "per second",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "requests",
        "failed",
        "server CPU ms",
        "load gen CPU ms",
        "failures between (s after start)");
    Map<String, List<SignIn>> byKind = new LinkedHashMap<>();
    for (SignIn signIn : signIns) {
      byKind.computeIfAbsent(signIn.kind(), k -> new ArrayList<>()).add(signIn);
    }
    Map<String, Plateau> plateaus = new LinkedHashMap<>();
    for (Map.Entry<String, List<SignIn>> kind : byKind.entrySet()) {
      List<SignIn> ok = kind.getValue().stream().filter(SignIn::ok).toList();
      List<SignIn> failed = kind.getValue().stream().filter(s -> !s.ok()).toList();
      long[] millis =
          ok.stream().mapToLong(s -> (s.end() - s.start()) / 1_000_000).sorted().toArray();
      long kindStart = kind.getValue().stream().mapToLong(SignIn::start).min().orElseThrow();
      long kindEnd = kind.getValue().stream().mapToLong(SignIn::end).max().orElseThrow();
      // The last plateauSeconds, but never the ramp: when the users run out early (see the
      // warning), the kind's load ended before the window did.
      long plateauStart =
          Math.max(kindEnd - plateauSeconds * 1_000_000_000L, kindStart + rampNanos);
      Plateau plateau =
          new Plateau(
              ok.stream().filter(s -> s.end() >= plateauStart).count(),
              Math.max(1e-9, (kindEnd - plateauStart) / 1e9),
              cpu.serversSpentBetween(plateauStart, kindEnd),
              cpu.generatorSpentBetween(plateauStart, kindEnd));
      plateaus.put(kind.getKey(), plateau);
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
          "%-28s %8d %10.2f %8d %8d %8d %9.1f %8d %14.1f %14.1f  %s%n",
          kind.getKey(),
          ok.size(),
          plateau.perSecond(),
          percentile(millis, 50),
          percentile(millis, 95),
          percentile(millis, 99),
          ok.stream().mapToInt(SignIn::requests).average().orElse(0),
          failed.size(),
          plateau.serverMillis(),
          plateau.generatorMillis(),
          window);
    }
    printRatios(out, plateaus, rounds);
    printFailures(out, first);
  }

  /** Each kind with a second step against password only. */
  private static void printRatios(PrintStream out, Map<String, Plateau> plateaus, int rounds) {
    for (String kind : List.of(SignInSimulation.SOFT_TOKEN, SignInSimulation.KEYCLOAK_OTP)) {
      printRatios(out, plateaus, rounds, kind);
    }
  }

  /**
   * {@code kind} against password only, per round and, with several rounds, over all of them (each
   * kind's plateau sign-ins over its plateau seconds, and processor time over those sign-ins).
   */
  private static void printRatios(
      PrintStream out, Map<String, Plateau> plateaus, int rounds, String kind) {
    boolean ran =
        IntStream.rangeClosed(1, rounds)
            .anyMatch(round -> plateaus.containsKey(SignInSimulation.label(kind, round)));
    if (!ran) {
      return;
    }
    String name = kind.replaceFirst("^password \\+ ", "");
    Plateau allPassword = Plateau.NONE;
    Plateau allOfKind = Plateau.NONE;
    List<Double> roundRatios = new ArrayList<>();
    out.println();
    for (int round = 1; round <= rounds; round++) {
      // A kind whose users had run out before its round started has no sign-ins recorded at all.
      Plateau password =
          plateaus.getOrDefault(
              SignInSimulation.label(SignInSimulation.PASSWORD_ONLY, round), Plateau.NONE);
      Plateau ofKind = plateaus.getOrDefault(SignInSimulation.label(kind, round), Plateau.NONE);
      if (password.signIns() == 0 || ofKind.signIns() == 0) {
        // Its users ran out (the run warned of it): a ratio of nothing would drag the rest down.
        out.printf(
            Locale.ROOT,
            "%s / password only (round %d): left out, a plateau without sign-ins%n",
            name,
            round);
        continue;
      }
      roundRatios.add(
          printRatio(out, name, rounds == 1 ? "" : " (round " + round + ")", password, ofKind));
      allPassword = allPassword.plus(password);
      allOfKind = allOfKind.plus(ofKind);
    }
    if (rounds > 1 && allPassword.signIns() > 0) {
      printRatio(out, name, " (all rounds)", allPassword, allOfKind);
    }
    RoundSpread.of(roundRatios.stream().mapToDouble(Double::doubleValue).toArray())
        .ifPresent(
            spread ->
                out.printf(
                    Locale.ROOT,
                    "Sign-ins per second, %s / password only, over the %d rounds: mean %.2f×,"
                        + " 95 %% confidence interval %.2f× to %.2f×%n",
                    name,
                    spread.rounds(),
                    spread.mean(),
                    spread.low(),
                    spread.high()));
  }

  /**
   * Prints the ratios of {@code ofKind} to {@code password}; returns that of sign-ins per second.
   */
  private static double printRatio(
      PrintStream out, String name, String which, Plateau password, Plateau ofKind) {
    double perSecond = ofKind.perSecond() / password.perSecond();
    out.printf(
        Locale.ROOT,
        "%s / password only%s: sign-ins per second %.2f×, server CPU per sign-in %.2f× (%+.1f"
            + " ms), load generator CPU per sign-in %.2f×%n",
        name,
        which,
        perSecond,
        ofKind.serverMillis() / password.serverMillis(),
        ofKind.serverMillis() - password.serverMillis(),
        ofKind.generatorMillis() / password.generatorMillis());
    return perSecond;
  }

  /**
   * One kind's plateau: its completed sign-ins, its length, and the processor nanoseconds the
   * servers and this generator spent in it (NaN when unknown).
   */
  private record Plateau(long signIns, double seconds, double serverNanos, double generatorNanos) {

    static final Plateau NONE = new Plateau(0, 0, 0, 0);

    double perSecond() {
      return seconds > 0 ? signIns / seconds : Double.NaN;
    }

    double serverMillis() {
      return signIns > 0 ? serverNanos / signIns / 1e6 : Double.NaN;
    }

    double generatorMillis() {
      return signIns > 0 ? generatorNanos / signIns / 1e6 : Double.NaN;
    }

    Plateau plus(Plateau other) {
      return new Plateau(
          signIns + other.signIns,
          seconds + other.seconds,
          serverNanos + other.serverNanos,
          generatorNanos + other.generatorNanos);
    }
  }

  /**
   * When any sign-in failed: what the failed ones saw, and a timeline of sign-ins that ended in
   * each five seconds (seconds after the first sign-in started, with the clock time of that start),
   * so that an outage shows where it began and when sign-ins went through again.
   */
  private void printFailures(PrintStream out, long first) {
    List<SignIn> failed = signIns.stream().filter(s -> !s.ok()).toList();
    if (failed.isEmpty()) {
      return;
    }
    out.printf(Locale.ROOT, "%nWhat the failed sign-ins got last (count, s after start):%n");
    Map<String, List<SignIn>> bySeen = new TreeMap<>();
    failed.forEach(s -> bySeen.computeIfAbsent(s.seen(), k -> new ArrayList<>()).add(s));
    bySeen.forEach(
        (seen, list) ->
            out.printf(
                Locale.ROOT,
                "  %6d  %6.1f - %6.1f  %s%n",
                list.size(),
                (list.stream().mapToLong(SignIn::end).min().orElseThrow() - first) / 1e9,
                (list.stream().mapToLong(SignIn::end).max().orElseThrow() - first) / 1e9,
                seen));
    out.printf(
        Locale.ROOT,
        "%nSign-ins ended per 5 s (0 s = %s UTC): succeeded / failed%n",
        started.plusNanos(first - startedNanos).toString().substring(11, 19));
    Map<Long, long[]> buckets = new TreeMap<>();
    for (SignIn signIn : signIns) {
      long[] counts =
          buckets.computeIfAbsent((signIn.end() - first) / 5_000_000_000L, k -> new long[2]);
      counts[signIn.ok() ? 0 : 1]++;
    }
    buckets.forEach(
        (bucket, counts) ->
            out.printf(Locale.ROOT, "  %4d s  %5d / %d%n", bucket * 5, counts[0], counts[1]));
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
