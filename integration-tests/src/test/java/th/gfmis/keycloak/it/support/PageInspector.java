package th.gfmis.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * What the WCAG rules of axe-core do not see, measured in the real browser: the keyboard path
 * through a page and whether focus is visible on each stop, the page's language, reflow at narrow
 * widths and zoom, and what Chrome's accessibility tree (what screen readers read) holds.
 */
public final class PageInspector {

  /** How a control is named in the findings: its id, or for a link without one, its path's end. */
  private static final String NAME =
      """
      function gfmisName(e) {
        if (e.id) { return e.id; }
        if (e.tagName === 'A') { return 'a:' + e.pathname.split('/').pop(); }
        return e.tagName.toLowerCase() + ':' + (e.getAttribute('name') || '');
      }
      """;

  private static final String FOCUSED =
      NAME
          + """
          var e = document.activeElement;
          if (!e || e === document.body || e === document.documentElement) { return null; }
          var s = getComputedStyle(e);
          var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
          var shadow = s.boxShadow && s.boxShadow !== 'none';
          var r = e.getBoundingClientRect();
          return {name: gfmisName(e), visible: outline || shadow,
                  shown: r.width > 0 && r.height > 0};
          """;

  /** The controls a keyboard should reach, in document order: visible, enabled, not tabindex -1. */
  private static final String CONTROLS_IN_DOCUMENT_ORDER =
      NAME
          + """
          var found = document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]');
          return Array.prototype.filter.call(found, function (e) {
            if (e.disabled || e.type === 'hidden' || e.tabIndex < 0) { return false; }
            var r = e.getBoundingClientRect();
            return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
          }).map(gfmisName);
          """;

  private static final String OVERFLOW =
      NAME
          + """
          var d = document.documentElement;
          var wide = Array.prototype.filter.call(document.querySelectorAll('body *'), function (e) {
            var r = e.getBoundingClientRect();
            return r.width > 0 && r.right > d.clientWidth + 1;
          }).slice(0, 6).map(function (e) {
            return gfmisName(e) + '.' + (e.getAttribute('class') || '') + ' right='
                + Math.round(e.getBoundingClientRect().right);
          });
          return {scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, wideElements: wide.join('; ')};
          """;

  private final WebDriver driver;

  public PageInspector(WebDriver driver) {
    this.driver = driver;
  }

  /** The {@code lang} of the page's {@code <html>}. */
  public String language() {
    return (String) script("return document.documentElement.lang;");
  }

  /**
   * The fields marked invalid whose error message a screen reader does not read with the field:
   * without {@code aria-describedby} pointing at a shown, non-empty text.
   */
  public List<String> fieldsWithUntiedErrors() {
    return strings(
        """
        return Array.prototype.filter.call(document.querySelectorAll('[aria-invalid="true"]'),
          function (field) {
            var ids = (field.getAttribute('aria-describedby') || '').split(/\\s+/);
            return !ids.some(function (id) {
              var e = id && document.getElementById(id);
              return e && e.textContent.trim() !== '' && e.getClientRects().length > 0;
            });
          }).map(function (field) { return field.id; });
        """);
  }

  /** The visible, enabled controls of the page in document order. */
  public List<String> controlsInDocumentOrder() {
    return strings(CONTROLS_IN_DOCUMENT_ORDER);
  }

  /** One stop of the keyboard's path. */
  public record FocusStop(String name, boolean focusVisible, boolean shown) {}

  /**
   * Presses Tab from the top of the page (the heading) until focus leaves the page or comes back
   * round, and returns where it stopped each time with whether the focus could be seen there.
   */
  public List<FocusStop> tabThrough() {
    script(
        "var h = document.getElementById('kc-page-title');"
            + " h.setAttribute('tabindex', '-1'); h.focus();");
    List<FocusStop> stops = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        new Actions(driver).sendKeys(Keys.TAB).perform();
        Object focused = script(FOCUSED);
        if (!(focused instanceof Map<?, ?> stop)) {
          break;
        }
        FocusStop next =
            new FocusStop(
                String.valueOf(stop.get("name")),
                Boolean.TRUE.equals(stop.get("visible")),
                Boolean.TRUE.equals(stop.get("shown")));
        if (!stops.isEmpty() && stops.get(0).name().equals(next.name())) {
          break;
        }
        stops.add(next);
      }
    } finally {
      script("document.getElementById('kc-page-title').removeAttribute('tabindex');");
    }
    return stops;
  }

  /** How wide the page is against the viewport, with the first elements that stick out. */
  public record Overflow(long scrollWidth, long clientWidth, String wideElements) {
    public boolean scrollsSideways() {
      return scrollWidth > clientWidth;
    }
  }

  /**
   * Lays the page out in a viewport {@code cssWidth} CSS pixels wide at {@code scale} device pixels
   * per CSS pixel (browser zoom does both: 200% of a 1280-pixel window is 640 CSS pixels at scale
   * 2; 400% is 320 at scale 4), measures, and restores the window.
   */
  public Overflow overflowAt(int cssWidth, double scale) {
    return overflowAt(cssWidth, scale, null);
  }

  /**
   * As {@link #overflowAt(int, double)}, saving what it looks like as
   * target/screenshots/{name}.png.
   */
  public Overflow overflowAt(int cssWidth, double scale, String screenshot) {
    ChromiumDriver chrome = (ChromiumDriver) driver;
    chrome.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", cssWidth, "height", 800, "deviceScaleFactor", scale, "mobile", false));
    try {
      if (screenshot != null) {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(dir.resolve(screenshot + ".png"), chrome.getScreenshotAs(OutputType.BYTES));
      }
      Map<?, ?> measured = (Map<?, ?>) script(OVERFLOW);
      return new Overflow(
          ((Number) measured.get("scrollWidth")).longValue(),
          ((Number) measured.get("clientWidth")).longValue(),
          String.valueOf(measured.get("wideElements")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /**
   * The texts of Chrome's accessibility tree for the page: the names of the nodes a screen reader
   * reads (hidden and {@code aria-hidden} content is not there).
   */
  public List<String> accessibleTexts() {
    Map<String, Object> tree =
        ((ChromiumDriver) driver).executeCdpCommand("Accessibility.getFullAXTree", Map.of());
    List<String> texts = new ArrayList<>();
    for (Object node : (List<?>) tree.get("nodes")) {
      Map<?, ?> n = (Map<?, ?>) node;
      if (Boolean.TRUE.equals(n.get("ignored")) || !(n.get("name") instanceof Map<?, ?> name)) {
        continue;
      }
      Object value = name.get("value");
      if (value != null && !String.valueOf(value).isBlank()) {
        texts.add(String.valueOf(value));
      }
    }
    return texts;
  }

  /** The element's attribute, or null. */
  public String attribute(String id, String attribute) {
    return (String)
        script(
            "var e = document.getElementById(arguments[0]);"
                + " return e ? e.getAttribute(arguments[1]) : null;",
            id,
            attribute);
  }

  private List<String> strings(String js) {
    List<String> result = new ArrayList<>();
    for (Object o : (List<?>) Objects.requireNonNull(script(js))) {
      result.add(String.valueOf(o));
    }
    return result;
  }

  private Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }
}
