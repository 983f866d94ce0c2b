package th.gfmis.keycloak.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.keycloak.util.JsonSerialization;

/**
 * An OIDC client of the realm export, using the authorization code flow with PKCE: by default the
 * GFMIS application (confidential, always at the Soft Token level), or the public demo client. The
 * redirect URIs point at ports where nothing listens here, so the browser stops there and the test
 * reads the code from the address bar.
 */
public final class GfmisClient {

  public static final String CLIENT_ID = "gfmis";
  public static final String SECRET = "gfmis-demo-secret-change-me";
  public static final String REDIRECT_URI = "http://127.0.0.1:8765/gfmis/callback";
  public static final String DEMO_CLIENT_ID = "gfmis-demo";
  public static final String DEMO_REDIRECT_URI = "http://localhost:8025/app/callback";

  private final String realmUrl;
  private final String clientId;
  private final String secret;
  private final String redirectUri;
  private final CodeVerifier verifier = new CodeVerifier();
  private final String state = new State().getValue();

  public GfmisClient(String realmUrl) {
    this(realmUrl, CLIENT_ID, SECRET, REDIRECT_URI);
  }

  private GfmisClient(String realmUrl, String clientId, String secret, String redirectUri) {
    this.realmUrl = realmUrl;
    this.clientId = clientId;
    this.secret = secret;
    this.redirectUri = redirectUri;
  }

  /** A confidential client the test registered itself (for example with the admin API). */
  public static GfmisClient registered(
      String realmUrl, String clientId, String secret, String redirectUri) {
    return new GfmisClient(realmUrl, clientId, secret, redirectUri);
  }

  /** The public demo client, password level unless it asks for more with acr_values. */
  public static GfmisClient demoApp(String realmUrl) {
    return new GfmisClient(realmUrl, DEMO_CLIENT_ID, null, DEMO_REDIRECT_URI);
  }

  /**
   * Keycloak's stock account console (public, PKCE), which signs in at the password level: what an
   * attacker who knows only the password can open with a {@code kc_action}.
   */
  public static GfmisClient accountConsole(String realmUrl) {
    return new GfmisClient(realmUrl, "account-console", null, realmUrl + "/account/");
  }

  public String authorizationUrl(String uiLocale) {
    return authorizationUrl(uiLocale, null);
  }

  public String authorizationUrl(String uiLocale, String acrValues) {
    return authorizationUrl(uiLocale, acrValues, "openid");
  }

  /** With other scopes than "openid", for example "openid offline_access". */
  public String authorizationUrl(String uiLocale, String acrValues, String scope) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("client_id", clientId);
    params.put("response_type", "code");
    params.put("scope", scope);
    params.put("redirect_uri", redirectUri);
    params.put("state", state);
    params.put(
        "code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue());
    params.put("code_challenge_method", "S256");
    params.put("ui_locales", uiLocale);
    if (acrValues != null) {
      params.put("acr_values", acrValues);
    }
    return realmUrl + "/protocol/openid-connect/auth?" + form(params);
  }

  /** Whether the browser has come back to the GFMIS client's redirect URI. */
  public static boolean isCallback(String url) {
    return url != null && url.startsWith(REDIRECT_URI);
  }

  /** Whether the browser has come back to this client's redirect URI. */
  public boolean isOwnCallback(String url) {
    return url != null && url.startsWith(redirectUri);
  }

  /** Exchanges the code in the callback URL for tokens; returns the token response. */
  public JsonNode exchange(String callbackUrl) throws IOException, InterruptedException {
    Map<String, String> query = query(URI.create(callbackUrl).getRawQuery());
    if (!state.equals(query.get("state"))) {
      throw new AssertionError("state mismatch in " + callbackUrl);
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("grant_type", "authorization_code");
    params.put("code", query.get("code"));
    params.put("redirect_uri", redirectUri);
    params.put("code_verifier", verifier.getValue());
    HttpResponse<String> response = token(params);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "token endpoint said " + response.statusCode() + ": " + response.body());
    }
    return JsonSerialization.readValue(response.body(), JsonNode.class);
  }

  /** The token endpoint's answer to a refresh (or offline) token; 200 only while it is valid. */
  public HttpResponse<String> refresh(String refreshToken)
      throws IOException, InterruptedException {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("grant_type", "refresh_token");
    params.put("refresh_token", refreshToken);
    return token(params);
  }

  private HttpResponse<String> token(Map<String, String> params)
      throws IOException, InterruptedException {
    params.put("client_id", clientId);
    if (secret != null) {
      params.put("client_secret", secret);
    }
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(params)))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The claims of a JWT, unverified (the test received it straight from the token endpoint). */
  public static JsonNode claims(String jwt) throws IOException {
    String payload = jwt.split("\\.")[1];
    return JsonSerialization.readValue(Base64.getUrlDecoder().decode(payload), JsonNode.class);
  }

  private static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      result.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return result;
  }
}
