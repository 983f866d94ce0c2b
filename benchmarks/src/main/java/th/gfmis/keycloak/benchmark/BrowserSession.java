package th.gfmis.keycloak.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a browser does for a sign-in, over plain HTTP: keeps cookies, follows redirects until a page
 * or the client's redirect URI, submits forms. One session per sign-in.
 */
final class BrowserSession {

  private final HttpClient http;
  private final String redirectUri;

  BrowserSession(String redirectUri) {
    this.redirectUri = redirectUri;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  LoginPage get(String url) throws IOException, InterruptedException {
    return follow(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  LoginPage post(String url, Map<String, String> form) throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return follow(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private LoginPage follow(HttpRequest request) throws IOException, InterruptedException {
    HttpRequest next = request;
    for (int hop = 0; hop < 10; hop++) {
      HttpResponse<String> response = http.send(next, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 3) {
        return LoginPage.page(response.statusCode(), response.body());
      }
      String location = response.headers().firstValue("Location").orElseThrow();
      URI target = next.uri().resolve(location);
      if (target.toString().startsWith(redirectUri)) {
        return LoginPage.callback(target);
      }
      next = HttpRequest.newBuilder(target).GET().build();
    }
    throw new IOException("too many redirects from " + request.uri());
  }
}
