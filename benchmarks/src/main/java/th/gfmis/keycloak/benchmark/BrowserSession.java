package th.gfmis.keycloak.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a browser does for a sign-in, over plain HTTP: keeps cookies, follows redirects until a page
 * or the client's redirect URI, submits forms. One session per sign-in, against one server.
 *
 * <p>Cookies are kept by name and sent back whatever their Secure flag: Keycloak marks its cookies
 * Secure, and browsers, unlike {@link java.net.CookieManager}, treat http://localhost as a secure
 * context.
 */
final class BrowserSession {

  /**
   * HTTP/1.1 as a browser speaks it on plain http: the JDK's default asks every server for an
   * upgrade to h2c, which a load balancer then tunnels without logging its requests one by one.
   */
  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final String redirectUri;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private int requests;

  BrowserSession(String redirectUri) {
    this.redirectUri = redirectUri;
  }

  /** The requests this browser has sent, redirects included. */
  int requests() {
    return requests;
  }

  LoginPage get(String url) throws IOException, InterruptedException {
    return follow(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  LoginPage post(String url, Map<String, String> form) throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return follow(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private LoginPage follow(HttpRequest.Builder first) throws IOException, InterruptedException {
    HttpRequest.Builder builder = first;
    URI uri = null;
    for (int hop = 0; hop < 10; hop++) {
      if (!cookies.isEmpty()) {
        builder.header("Cookie", cookieHeader());
      }
      HttpRequest request = builder.build();
      uri = request.uri();
      requests++;
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      response.headers().allValues("Set-Cookie").forEach(this::keep);
      if (response.statusCode() / 100 != 3) {
        return LoginPage.page(response.statusCode(), response.body());
      }
      URI target = uri.resolve(response.headers().firstValue("Location").orElseThrow());
      if (target.toString().startsWith(redirectUri)) {
        return LoginPage.callback(target);
      }
      builder = HttpRequest.newBuilder(target).GET();
    }
    throw new IOException("too many redirects, last at " + uri);
  }

  private String cookieHeader() {
    return cookies.entrySet().stream()
        .map(c -> c.getKey() + "=" + c.getValue())
        .collect(Collectors.joining("; "));
  }

  private void keep(String setCookie) {
    String pair = setCookie.split(";", 2)[0];
    int eq = pair.indexOf('=');
    if (eq <= 0) {
      return;
    }
    String name = pair.substring(0, eq).strip();
    String value = pair.substring(eq + 1).strip();
    if (value.isEmpty() || setCookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
      cookies.remove(name);
    } else {
      cookies.put(name, value);
    }
  }
}
