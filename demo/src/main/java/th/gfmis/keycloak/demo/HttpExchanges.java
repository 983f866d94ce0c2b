package th.gfmis.keycloak.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** Small helpers for the JDK HTTP server: responses, query strings, cookies. */
final class HttpExchanges {
  /** The policy of the inbox and demo-app pages: no scripts, inline styles, same-origin frames. */
  static final String PAGE_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; img-src 'self' data:;"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private HttpExchanges() {}

  static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
    sendHtml(exchange, status, html, PAGE_POLICY);
  }

  static void sendHtml(HttpExchange exchange, int status, String html, String policy)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Security-Policy", policy);
    send(exchange, status, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  static void redirect(HttpExchange exchange, String location, String... cookies)
      throws IOException {
    for (String cookie : cookies) {
      exchange.getResponseHeaders().add("Set-Cookie", cookie);
    }
    exchange.getResponseHeaders().set("Location", location);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  static void notFound(HttpExchange exchange) throws IOException {
    sendHtml(
        exchange, 404, Html.page("ไม่พบ / Not found", "<h1>ไม่พบ <small>Not found</small></h1>"));
  }

  /** Only GET and HEAD are served; anything else gets 405. */
  static boolean rejectUnlessRead(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if ("GET".equals(method) || "HEAD".equals(method)) {
      return false;
    }
    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
    exchange.sendResponseHeaders(405, -1);
    exchange.close();
    return true;
  }

  /**
   * Decodes an {@code application/x-www-form-urlencoded} string; the first value of a name wins.
   */
  static Map<String, String> parseQuery(String query) {
    Map<String, String> values = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return values;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      values.putIfAbsent(name, value);
    }
    return values;
  }

  /** Encodes parameters as {@code application/x-www-form-urlencoded}, in the given order. */
  static String formEncode(Map<String, String> parameters) {
    StringJoiner out = new StringJoiner("&");
    parameters.forEach(
        (name, value) ->
            out.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return out.toString();
  }

  static Map<String, String> query(HttpExchange exchange) {
    return parseQuery(exchange.getRequestURI().getRawQuery());
  }

  static Optional<String> cookie(HttpExchange exchange, String name) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String part : header.split(";")) {
        int eq = part.indexOf('=');
        if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
          return Optional.of(part.substring(eq + 1).trim());
        }
      }
    }
    return Optional.empty();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
