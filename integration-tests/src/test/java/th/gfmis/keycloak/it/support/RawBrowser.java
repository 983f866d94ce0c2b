package th.gfmis.keycloak.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/**
 * A second "browser" made of raw HTTP (Java's HttpClient with its own cookie jar): what an attacker
 * scripts, and the way to fire many requests at once. It can take over the cookies of the real
 * browser to send the same form many times in parallel. An optional {@code X-Forwarded-For} makes
 * Keycloak see another client address (the test server trusts proxy headers, as a production server
 * behind its proxy does); use a private address (10.x), which the realm's "SSL required: external"
 * lets through on plain http.
 */
public final class RawBrowser {

  private static final Pattern FORM_ACTION =
      Pattern.compile("<form[^>]*\\saction=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

  // By hand: Keycloak marks its cookies Secure, which Java's cookie manager keeps off plain http.
  private final Map<String, String> cookies = new ConcurrentHashMap<>();
  private final HttpClient http;
  private final String forwardedFor;

  public RawBrowser(String forwardedFor) {
    this.forwardedFor = forwardedFor;
    this.http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** Copies the real browser's cookies for its current host into this client's jar. */
  public RawBrowser withCookiesOf(WebDriver driver) {
    for (Cookie c : driver.manage().getCookies()) {
      cookies.put(c.getName(), c.getValue());
    }
    return this;
  }

  public HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return keepCookies(http.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString()));
  }

  private HttpResponse<String> keepCookies(HttpResponse<String> response) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      String pair = header.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
    }
    return response;
  }

  /** GET that follows redirects inside the server (never to the client's redirect URI). */
  public HttpResponse<String> getFollowing(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = get(url);
    for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
      String next = response.headers().firstValue("Location").orElseThrow();
      response = get(URI.create(url).resolve(next).toString());
    }
    return response;
  }

  public HttpResponse<String> post(String url, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return keepCookies(
        http.send(
            request(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString()));
  }

  /**
   * POST, then GET along the server's redirects, stopping at a redirect that leaves the server (to
   * a client's redirect URI, where nothing listens).
   */
  public HttpResponse<String> postFollowing(String url, Map<String, String> form)
      throws IOException, InterruptedException {
    HttpResponse<String> response = post(url, form);
    String server = URI.create(url).resolve("/").toString();
    for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
      String next =
          URI.create(url)
              .resolve(response.headers().firstValue("Location").orElseThrow())
              .toString();
      if (!next.startsWith(server)) {
        break;
      }
      response = get(next);
    }
    return response;
  }

  /** A file part of a {@link #postMultipart} form: the name the client sends, and the content. */
  public record FilePart(
      String field, String filename, String contentType, HttpRequest.BodyPublisher content) {}

  /** A {@code multipart/form-data} post of text fields and one file, as a browser sends it. */
  public HttpResponse<String> postMultipart(String url, Map<String, String> fields, FilePart file)
      throws IOException, InterruptedException {
    String boundary = "----gfmis" + java.util.UUID.randomUUID();
    StringBuilder head = new StringBuilder();
    fields.forEach(
        (name, value) ->
            head.append("--" + boundary + "\r\n")
                .append("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    head.append("--" + boundary + "\r\n")
        .append("Content-Disposition: form-data; name=\"" + file.field() + "\"")
        .append("; filename=\"" + file.filename() + "\"\r\n")
        .append("Content-Type: " + file.contentType() + "\r\n\r\n");
    HttpRequest.BodyPublisher body =
        HttpRequest.BodyPublishers.concat(
            HttpRequest.BodyPublishers.ofString(head.toString(), StandardCharsets.UTF_8),
            file.content(),
            HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
    return keepCookies(
        http.send(
            request(url)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body)
                .build(),
            HttpResponse.BodyHandlers.ofString()));
  }

  /** The action URL of the first form on a page. */
  public static String formAction(String html) {
    Matcher m = FORM_ACTION.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no form on the page: " + html);
    }
    return m.group(1).replace("&amp;", "&");
  }

  /** Opens the sign-in page; returns its form's action URL. */
  public String openLogin(String authorizationUrl) throws IOException, InterruptedException {
    return formAction(getFollowing(authorizationUrl).body());
  }

  /** Signs in with user ID and password from this client; returns the page after the password. */
  public String signIn(String authorizationUrl, String userId, String password)
      throws IOException, InterruptedException {
    String login = getFollowing(authorizationUrl).body();
    return post(formAction(login), Map.of("username", userId, "password", password)).body();
  }

  /** Opens the forgotten-password form from the sign-in page; returns the form's action URL. */
  public String openResetForm(String authorizationUrl) throws IOException, InterruptedException {
    String login = getFollowing(authorizationUrl).body();
    Matcher link =
        Pattern.compile("href=\"([^\"]*login-actions/reset-credentials[^\"]*)\"").matcher(login);
    if (!link.find()) {
      throw new AssertionError("no forgotten-password link: " + login);
    }
    String url =
        URI.create(authorizationUrl).resolve(link.group(1).replace("&amp;", "&")).toString();
    return formAction(getFollowing(url).body());
  }

  /** Submits the forgotten-password identity form; returns the page that answers. */
  public String submitIdentity(String action, Holder holder, String email)
      throws IOException, InterruptedException {
    return post(
            action,
            Map.of("userId", holder.userId(), "citizenId", holder.citizenId(), "email", email))
        .body();
  }

  private HttpRequest.Builder request(String url) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    if (forwardedFor != null) {
      builder.header("X-Forwarded-For", forwardedFor);
    }
    if (!cookies.isEmpty()) {
      builder.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    return builder;
  }
}
