package th.gfmis.keycloak.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.id.Identifier;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A tiny relying party at {@code /app}: "Sign in to GFMIS demo" starts the authorization code flow
 * with PKCE against the {@code gfmis} realm, the callback redeems the code and the page shows who
 * signed in and how (acr, amr, auth_time); "Sign out" ends the Keycloak session.
 */
final class DemoAppHandler implements HttpHandler {
  private static final String STATE_COOKIE = "gfmis_demo_state";
  private static final String SESSION_COOKIE = "gfmis_demo_session";
  private static final Duration LOGIN_TIMEOUT = Duration.ofMinutes(10);
  private static final Pattern ACR_VALUES = Pattern.compile("[A-Za-z0-9_.:/ -]{0,200}");

  private final OidcClient oidc;
  private final ObjectMapper json;
  private final DisplayTime time;
  private final Clock clock;
  private final String formPolicy;
  private final Map<String, PendingLogin> pending = new ConcurrentHashMap<>();
  private final Map<String, IdToken> sessions = new ConcurrentHashMap<>();

  private record PendingLogin(CodeVerifier verifier, Nonce nonce, Instant started) {}

  DemoAppHandler(
      OidcClient oidc, ObjectMapper json, DisplayTime time, Clock clock, DemoSettings settings) {
    this.oidc = oidc;
    this.json = json;
    this.time = time;
    this.clock = clock;
    // The sign-in form's answer redirects to Keycloak, which form-action must allow.
    this.formPolicy =
        HttpExchanges.PAGE_POLICY.replace(
            "form-action 'self'", "form-action 'self' " + settings.keycloakUrl());
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (HttpExchanges.rejectUnlessRead(exchange)) {
        return;
      }
      switch (exchange.getRequestURI().getPath()) {
        case "/app", "/app/" -> home(exchange);
        case "/app/login" -> login(exchange);
        case "/app/callback" -> callback(exchange);
        case "/app/logout" -> logout(exchange);
        default -> HttpExchanges.notFound(exchange);
      }
    }
  }

  private void home(HttpExchange exchange) throws IOException {
    Optional<IdToken> signedIn = HttpExchanges.cookie(exchange, SESSION_COOKIE).map(sessions::get);
    StringBuilder body = new StringBuilder();
    body.append("<nav><a href=\"/\">กล่องจดหมาย / Mailbox</a></nav>")
        .append("<h1>แอปตัวอย่าง GFMIS <small>GFMIS demo app</small></h1>");
    if (signedIn.isPresent()) {
      claims(body, signedIn.get());
      body.append("<p><a class=\"button\" href=\"/app/logout\">ออกจากระบบ / Sign out</a></p>")
          .append("<h2>เข้าสู่ระบบอีกครั้ง <span class=\"en\">Sign in again</span></h2>");
    } else {
      body.append("<p>ยังไม่ได้เข้าสู่ระบบ <span class=\"en\">Not signed in.</span></p>");
    }
    signInForm(body);
    HttpExchanges.sendHtml(exchange, 200, Html.page("GFMIS demo app", body.toString()), formPolicy);
  }

  private void login(HttpExchange exchange) throws IOException {
    Map<String, String> query = HttpExchanges.query(exchange);
    String acrValues = query.getOrDefault("acr_values", "").trim();
    String uiLocales = query.getOrDefault("ui_locales", "");
    if (!ACR_VALUES.matcher(acrValues).matches()) {
      error(exchange, 400, "acr_values may hold letters, digits and . _ : / - only");
      return;
    }
    if (!uiLocales.isEmpty() && !uiLocales.equals("th") && !uiLocales.equals("en")) {
      error(exchange, 400, "ui_locales must be th or en");
      return;
    }
    Instant now = clock.instant();
    pending.values().removeIf(login -> login.started().plus(LOGIN_TIMEOUT).isBefore(now));
    State state = new State();
    PendingLogin login = new PendingLogin(new CodeVerifier(), new Nonce(), now);
    try {
      String location =
          oidc.authorizationRequest(state, login.nonce(), login.verifier(), acrValues, uiLocales)
              .toString();
      pending.put(state.getValue(), login);
      HttpExchanges.redirect(
          exchange,
          location,
          cookie(STATE_COOKIE, state.getValue(), (int) LOGIN_TIMEOUT.toSeconds()));
    } catch (OidcException e) {
      error(exchange, 502, e.getMessage());
    }
  }

  private void callback(HttpExchange exchange) throws IOException {
    Map<String, String> query = HttpExchanges.query(exchange);
    String state = query.getOrDefault("state", "");
    String browserState = HttpExchanges.cookie(exchange, STATE_COOKIE).orElse("");
    if (state.isEmpty() || !constantTimeEquals(state, browserState)) {
      error(exchange, 400, "the state does not match this browser's sign-in; start again");
      return;
    }
    PendingLogin login = pending.remove(state);
    Instant now = clock.instant();
    if (login == null || login.started().plus(LOGIN_TIMEOUT).isBefore(now)) {
      error(exchange, 400, "this sign-in is unknown, used or expired; start again");
      return;
    }
    if (query.containsKey("error")) {
      error(
          exchange,
          400,
          "Keycloak answered "
              + query.get("error")
              + Optional.ofNullable(query.get("error_description"))
                  .map(description -> ": " + description)
                  .orElse(""));
      return;
    }
    String code = query.getOrDefault("code", "");
    if (code.isEmpty()) {
      error(exchange, 400, "the callback has no code");
      return;
    }
    try {
      IdToken idToken = oidc.redeem(new AuthorizationCode(code), login.verifier(), login.nonce());
      String session = new Identifier().getValue();
      sessions.put(session, idToken);
      HttpExchanges.redirect(
          exchange, "/app", cookie(STATE_COOKIE, "", 0), cookie(SESSION_COOKIE, session, -1));
    } catch (OidcException e) {
      error(exchange, 502, e.getMessage());
    }
  }

  private void logout(HttpExchange exchange) throws IOException {
    Optional<IdToken> signedIn =
        HttpExchanges.cookie(exchange, SESSION_COOKIE).map(sessions::remove);
    String clear = cookie(SESSION_COOKIE, "", 0);
    if (signedIn.isEmpty()) {
      HttpExchanges.redirect(exchange, "/app", clear);
      return;
    }
    try {
      HttpExchanges.redirect(exchange, oidc.logoutRequest(signedIn.get()).toString(), clear);
    } catch (OidcException e) {
      error(exchange, 502, e.getMessage());
    }
  }

  private void claims(StringBuilder body, IdToken token) {
    body.append("<p>เข้าสู่ระบบแล้ว <span class=\"en\">Signed in.</span></p><table>");
    row(body, "ชื่อผู้ใช้", "preferred_username", token.text("preferred_username"));
    row(body, "ชื่อ", "name", token.text("name"));
    row(body, "อีเมล", "email", token.text("email"));
    row(body, "ระดับการยืนยันตัวตน", "acr", token.text("acr"));
    row(body, "วิธียืนยันตัวตน", "amr", token.text("amr"));
    row(
        body,
        "เวลายืนยันตัวตน",
        "auth_time",
        token.authTime().map(time::format).orElse(token.text("auth_time")));
    body.append("</table><details><summary>ID token claims (JSON)</summary><pre>");
    try {
      body.append(
          Html.escape(
              json.writerWithDefaultPrettyPrinter()
                  .writeValueAsString(json.readTree(token.claimsJson()))));
    } catch (JsonProcessingException e) {
      body.append(Html.escape(token.claimsJson()));
    }
    body.append("</pre></details>");
  }

  private static void signInForm(StringBuilder body) {
    body.append("<form method=\"get\" action=\"/app/login\"><table>")
        .append("<tr><th><label for=\"ui_locales\">ภาษา <span class=\"en\">Language</span>")
        .append("</label></th><td><select id=\"ui_locales\" name=\"ui_locales\">")
        .append("<option value=\"th\">ไทย</option><option value=\"en\">English</option>")
        .append("<option value=\"\">ค่าเริ่มต้น / realm default</option></select></td></tr>")
        .append("<tr><th><label for=\"acr_values\">acr_values</label></th><td>")
        .append("<input id=\"acr_values\" name=\"acr_values\" size=\"30\"> ")
        .append("<span class=\"muted\">ไม่บังคับ <span class=\"en\">optional; asks Keycloak ")
        .append("for a level of authentication</span></span></td></tr></table>")
        .append("<p><button class=\"button\" type=\"submit\">")
        .append("เข้าสู่ระบบ GFMIS demo / Sign in to GFMIS demo</button></p></form>");
  }

  private void error(HttpExchange exchange, int status, String message) throws IOException {
    String body =
        "<nav><a href=\"/app\">&larr; แอปตัวอย่าง / Demo app</a></nav>"
            + "<h1>เข้าสู่ระบบไม่สำเร็จ <small>Sign-in failed</small></h1><p class=\"error\">"
            + Html.escape(message)
            + "</p>";
    HttpExchanges.sendHtml(exchange, status, Html.page("Sign-in failed", body));
  }

  private static void row(StringBuilder body, String thai, String claim, String value) {
    body.append("<tr><th>")
        .append(thai)
        .append(" <span class=\"en\">")
        .append(claim)
        .append("</span></th><td>")
        .append(value.isEmpty() ? "<span class=\"muted\">-</span>" : Html.escape(value))
        .append("</td></tr>");
  }

  /** A cookie for the app's path only; {@code maxAge} -1 for a browser-session cookie. */
  private static String cookie(String name, String value, int maxAge) {
    return name
        + "="
        + value
        + "; Path=/app; HttpOnly; SameSite=Lax"
        + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
