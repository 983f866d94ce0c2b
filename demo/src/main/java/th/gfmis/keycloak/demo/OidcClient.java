package th.gfmis.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo app's side of OpenID Connect against the {@code gfmis} realm: a public client using the
 * authorization code flow with PKCE, and RP-initiated logout.
 */
final class OidcClient {
  static final String REALM = "gfmis";
  static final String CLIENT_ID = "gfmis-demo";

  private final HttpClient http;
  private final ObjectMapper json;
  private final URI discovery;
  private final String redirectUri;
  private final String postLogoutRedirectUri;
  private OidcProviderMetadata metadata;

  OidcClient(
      HttpClient http,
      ObjectMapper json,
      URI discovery,
      String redirectUri,
      String postLogoutRedirectUri) {
    this.http = http;
    this.json = json;
    this.discovery = discovery;
    this.redirectUri = redirectUri;
    this.postLogoutRedirectUri = postLogoutRedirectUri;
  }

  static OidcClient forSettings(HttpClient http, ObjectMapper json, DemoSettings settings) {
    return new OidcClient(
        http,
        json,
        URI.create(
            settings.keycloakUrl() + "/realms/" + REALM + "/.well-known/openid-configuration"),
        settings.webUrl() + "/app/callback",
        settings.webUrl() + "/app");
  }

  /** The realm's metadata, fetched on first use (Keycloak is up by then) and kept. */
  synchronized OidcProviderMetadata metadata() throws OidcException {
    if (metadata == null) {
      HttpRequest request =
          HttpRequest.newBuilder(discovery)
              .timeout(Duration.ofSeconds(10))
              .header("Accept", "application/json")
              .GET()
              .build();
      JsonNode body = call(request, "provider metadata");
      metadata = OidcProviderMetadata.of(body);
    }
    return metadata;
  }

  /**
   * The URL that starts a sign-in.
   *
   * @param acrValues requested authentication context classes, or empty
   * @param uiLocales the preferred language of Keycloak's pages ("th", "en"), or empty
   */
  URI authorizationRequest(
      String state, String nonce, String verifier, String acrValues, String uiLocales)
      throws OidcException {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("response_type", "code");
    parameters.put("client_id", CLIENT_ID);
    parameters.put("redirect_uri", redirectUri);
    parameters.put("scope", "openid profile email");
    parameters.put("state", state);
    parameters.put("nonce", nonce);
    parameters.put("code_challenge", Pkce.challenge(verifier));
    parameters.put("code_challenge_method", "S256");
    if (!acrValues.isEmpty()) {
      parameters.put("acr_values", acrValues);
    }
    if (!uiLocales.isEmpty()) {
      parameters.put("ui_locales", uiLocales);
    }
    return withQuery(metadata().authorizationEndpoint(), parameters);
  }

  /** Redeems an authorization code; returns the ID token, not yet validated. */
  IdToken redeem(String code, String verifier) throws OidcException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri);
    form.put("client_id", CLIENT_ID);
    form.put("code_verifier", verifier);
    HttpRequest request =
        HttpRequest.newBuilder(metadata().tokenEndpoint())
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(HttpExchanges.formEncode(form)))
            .build();
    JsonNode tokens = call(request, "token request");
    JsonNode idToken = tokens.get("id_token");
    if (idToken == null || !idToken.isTextual()) {
      throw new OidcException("the token response has no id_token");
    }
    return IdToken.parse(idToken.asText(), json);
  }

  /** The URL that signs the browser out of Keycloak and comes back to the app. */
  URI logoutRequest(String idTokenHint) throws OidcException {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("client_id", CLIENT_ID);
    parameters.put("id_token_hint", idTokenHint);
    parameters.put("post_logout_redirect_uri", postLogoutRedirectUri);
    return withQuery(metadata().endSessionEndpoint(), parameters);
  }

  static URI withQuery(URI endpoint, Map<String, String> parameters) {
    String base = endpoint.toString();
    return URI.create(
        base + (base.contains("?") ? "&" : "?") + HttpExchanges.formEncode(parameters));
  }

  private JsonNode call(HttpRequest request, String what) throws OidcException {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new OidcException(what + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OidcException(what + " was interrupted", e);
    }
    JsonNode body;
    try {
      body = json.readTree(response.body());
    } catch (IOException e) {
      throw new OidcException(what + " answered HTTP " + response.statusCode() + ", not JSON", e);
    }
    if (response.statusCode() != 200 || body == null || !body.isObject()) {
      String error = body == null ? "" : body.path("error").asText("");
      String description = body == null ? "" : body.path("error_description").asText("");
      throw new OidcException(
          what
              + " answered HTTP "
              + response.statusCode()
              + (error.isEmpty() ? "" : ": " + error)
              + (description.isEmpty() ? "" : " (" + description + ")"));
    }
    return body;
  }
}
