package th.gfmis.keycloak.it.support;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript that keeps cookies and shows what a real one hides: the HTTP status
 * of each page. For checks that a page is a clear answer and not a server error.
 */
public final class PlainBrowser {

  private static final Pattern FORM = Pattern.compile("<form[^>]*>");
  private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new AllCookies())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
  private HttpResponse<String> page;

  public HttpResponse<String> open(String url) throws IOException, InterruptedException {
    page = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), ofString());
    return page;
  }

  /** Follows the first link whose address contains {@code part}. */
  public HttpResponse<String> follow(String part) throws IOException, InterruptedException {
    Matcher link =
        Pattern.compile("href=\"([^\"]*" + Pattern.quote(part) + "[^\"]*)\"").matcher(page.body());
    if (!link.find()) {
      throw new AssertionError("no link to " + part + " on " + page.uri() + ":\n" + page.body());
    }
    return open(page.uri().resolve(unescape(link.group(1))).toString());
  }

  /** Submits the form with id {@code formId} with these fields. */
  public HttpResponse<String> submit(String formId, Map<String, String> fields)
      throws IOException, InterruptedException {
    Matcher form = FORM.matcher(page.body());
    Matcher action = null;
    while (form.find()) {
      if (form.group().contains("id=\"" + formId + "\"")) {
        action = ACTION.matcher(form.group());
        break;
      }
    }
    if (action == null || !action.find()) {
      throw new AssertionError("no form " + formId + " on " + page.uri() + ":\n" + page.body());
    }
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    URI target = page.uri().resolve(unescape(action.group(1)));
    page =
        http.send(
            HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            ofString());
    return page;
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }

  private static String unescape(String html) {
    return html.replace("&amp;", "&");
  }

  /**
   * Keeps every cookie of the one server under test and sends them all back. Java's own cookie
   * manager withholds {@code Secure} cookies over http, which Keycloak sets on localhost (a secure
   * context for browsers).
   */
  private static final class AllCookies extends CookieHandler {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    @Override
    public synchronized Map<String, List<String>> get(
        URI uri, Map<String, List<String>> requestHeaders) {
      if (cookies.isEmpty()) {
        return Map.of();
      }
      String header =
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; "));
      return Map.of("Cookie", List.of(header));
    }

    @Override
    public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
      responseHeaders.forEach(
          (name, values) -> {
            if ("set-cookie".equalsIgnoreCase(name)) {
              values.forEach(this::remember);
            }
          });
    }

    private void remember(String setCookie) {
      String[] parts = setCookie.split(";");
      int equals = parts[0].indexOf('=');
      if (equals <= 0) {
        return;
      }
      String name = parts[0].substring(0, equals).strip();
      String value = parts[0].substring(equals + 1).strip();
      boolean expired = value.isEmpty();
      for (String attribute : parts) {
        if (attribute.strip().toLowerCase(Locale.ROOT).equals("max-age=0")) {
          expired = true;
        }
      }
      if (expired) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
  }
}
