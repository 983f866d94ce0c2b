package th.gfmis.keycloak.it.support;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core's WCAG 2.1 A and AA rules on the page the browser shows. A serious or critical violation
 * fails with the rule, its impact and the selector of every element it found; moderate and minor
 * ones are only logged.
 *
 * <p>{@link Pages} calls {@link #ensureChecked} whenever a test reads or acts on a page, so every
 * page the browser tests see is checked without the tests asking for it. Each document is checked
 * at most once (a mark in its {@code window}), and a document whose markup and language match one
 * already checked in this test run is not checked again: the rules look at markup, not at the user
 * ID or e-mail address in it, and the login page alone is seen a hundred times in a run.
 */
public final class AccessibilityCheck {

  /** The axe-core tags of the WCAG 2.0 and 2.1 success criteria of levels A and AA. */
  public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
  private static final Logger LOG = Logger.getLogger(AccessibilityCheck.class);

  /**
   * Marks the document as seen and returns what identifies its markup (tags, ids, classes, roles,
   * ARIA and labelling attributes, language), or null when the document was seen already, or "" for
   * what is no page of the server: JSON, the browser's own error page for the unreachable redirect
   * URI of a test client, about:blank.
   */
  private static final String MARK_AND_FINGERPRINT =
      """
      if (window.gfmisAxeSeen) { return null; }
      if (!/^https?:$/.test(location.protocol) || document.contentType !== 'text/html'
          || !document.body) { return ''; }
      window.gfmisAxeSeen = true;
      var named = /^(aria-.*|role|alt|for|lang|type|tabindex|hidden|style|title|dir)$/;
      var parts = [document.documentElement.lang, document.title];
      document.querySelectorAll('body *').forEach(function (e) {
        if (e.tagName === 'SCRIPT') { return; }
        var s = e.tagName + '#' + e.id + '.' + (e.getAttribute('class') || '');
        for (var i = 0; i < e.attributes.length; i++) {
          var a = e.attributes[i];
          if (named.test(a.name)) { s += '[' + a.name + '=' + a.value + ']'; }
        }
        parts.push(s);
      });
      return parts.join('|');
      """;

  private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();
  private static final ThreadLocal<List<String>> COLLECTOR = new ThreadLocal<>();
  private static final AtomicInteger RUNS = new AtomicInteger();
  private static final AtomicInteger DOCUMENTS = new AtomicInteger();
  private static final AtomicLong MILLIS = new AtomicLong();

  private AccessibilityCheck() {}

  /**
   * Checks the page the browser shows unless this document, or one with the same markup and
   * language, was checked already. Fails on a serious or critical violation.
   */
  public static void ensureChecked(WebDriver driver) {
    String url = driver.getCurrentUrl();
    if (isTestClientCallback(url) || isThaidStandIn(url)) {
      return;
    }
    awaitLoaded(driver);
    Object fingerprint = ((JavascriptExecutor) driver).executeScript(MARK_AND_FINGERPRINT);
    if (fingerprint == null || "".equals(fingerprint)) {
      return;
    }
    DOCUMENTS.incrementAndGet();
    String key = sha256((String) fingerprint);
    if (CHECKED.contains(key)) {
      return;
    }
    Report report = run(driver);
    if (report.leftBeforeTheEnd()) {
      LOG.warnf(
          "axe-core: %s moved on by itself while it was checked; the next visit checks it",
          report.url());
      return;
    }
    String serious = report.seriousViolations();
    if (!serious.isEmpty()) {
      String failure = report.failureMessage();
      List<String> collector = COLLECTOR.get();
      if (collector == null) {
        throw new AssertionError(failure);
      }
      collector.add(failure);
      return;
    }
    CHECKED.add(key);
  }

  /** A test body that walks through pages. */
  @FunctionalInterface
  public interface Walk {
    void run() throws Exception;
  }

  /**
   * Runs the walk with the serious violations of the pages it sees added to {@code failures}
   * instead of failing at the first page, so that one run lists every violation of a journey. The
   * caller fails when the list is not empty.
   */
  public static void collecting(List<String> failures, Walk walk) throws Exception {
    COLLECTOR.set(failures);
    try {
      walk.run();
    } finally {
      COLLECTOR.remove();
    }
  }

  /** Whether the page the browser shows has been through {@link #ensureChecked}. */
  public static boolean wasSeen(WebDriver driver) {
    return stillOnCheckedDocument(driver);
  }

  private static Report run(WebDriver driver) {
    String url = driver.getCurrentUrl();
    long start = System.nanoTime();
    Results results;
    try {
      results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
    } catch (WebDriverException e) {
      if (!stillOnCheckedDocument(driver)) {
        return new Report(url, List.of(), true);
      }
      throw e;
    }
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    if (results.isErrored()) {
      if (!stillOnCheckedDocument(driver)) {
        return new Report(url, List.of(), true);
      }
      throw new AssertionError(
          "axe-core could not check " + url + ": " + results.getErrorMessage(), results.getError());
    }
    Report report = new Report(url, results.getViolations(), false);
    int runs = RUNS.incrementAndGet();
    long total = MILLIS.addAndGet(millis);
    LOG.infof(
        "axe-core #%d (%d ms; %d runs for %d pages seen, %d ms in all): %s%s",
        runs,
        millis,
        runs,
        DOCUMENTS.get(),
        total,
        url,
        report.minorViolations().isEmpty() ? "" : "\n" + report.minorViolations());
    return report;
  }

  /** The test clients' redirect URIs, where nothing listens: the browser shows its error page. */
  private static boolean isTestClientCallback(String url) {
    return GfmisClient.isCallback(url)
        || (url != null && url.startsWith(GfmisClient.DEMO_REDIRECT_URI));
  }

  /**
   * The ThaID stand-in plays an outside service with Keycloak's stock theme: its pages are not the
   * product's (stock keycloak.v2 leaves the read-only "attempted username" field without a label).
   */
  private static boolean isThaidStandIn(String url) {
    return url != null && url.contains("/realms/" + ThaidRealmConfig.REALM + "/");
  }

  private static boolean stillOnCheckedDocument(WebDriver driver) {
    try {
      return Boolean.TRUE.equals(
          ((JavascriptExecutor) driver).executeScript("return window.gfmisAxeSeen === true;"));
    } catch (WebDriverException e) {
      return false;
    }
  }

  private static void awaitLoaded(WebDriver driver) {
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .ignoring(JavascriptException.class)
        .until(
            d ->
                "complete"
                    .equals(((JavascriptExecutor) d).executeScript("return document.readyState;")));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What axe-core found on one page. */
  private record Report(String url, List<Rule> violations, boolean leftBeforeTheEnd) {

    /** The serious and critical violations: rule, impact, elements. */
    String seriousViolations() {
      return describe(true);
    }

    /** The moderate and minor violations, for the log. */
    String minorViolations() {
      return describe(false);
    }

    String failureMessage() {
      return "WCAG 2.1 A/AA violations (axe-core, serious or critical) on "
          + url
          + ":\n"
          + seriousViolations();
    }

    private String describe(boolean failing) {
      StringBuilder text = new StringBuilder();
      for (Rule rule : violations) {
        String impact = String.valueOf(rule.getImpact()).toLowerCase(Locale.ROOT);
        if (FAILING_IMPACTS.contains(impact) != failing) {
          continue;
        }
        text.append("  ")
            .append(rule.getId())
            .append(" [")
            .append(impact)
            .append("] ")
            .append(rule.getHelp())
            .append(" (")
            .append(rule.getHelpUrl())
            .append(")\n");
        for (CheckedNode node : rule.getNodes()) {
          text.append("    at ").append(node.getTarget()).append(": ").append(node.getHtml());
          text.append('\n');
        }
      }
      return text.toString();
    }
  }
}
