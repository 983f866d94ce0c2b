package th.gfmis.keycloak.it.softtoken;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.keycloak.util.JsonSerialization;

/** The public demo client {@code gfmis-demo} (PKCE), for step-up with {@code acr_values}. */
final class DemoAppClient {

  static final String CLIENT_ID = "gfmis-demo";
  static final String REDIRECT_URI = "http://localhost:8025/app/callback";

  private final String realmUrl;
  private final String verifier = random(32);
  private final String state = random(16);

  DemoAppClient(String realmUrl) {
    this.realmUrl = realmUrl;
  }

  String authorizationUrl(String acrValues) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("client_id", CLIENT_ID);
    params.put("response_type", "code");
    params.put("scope", "openid");
    params.put("redirect_uri", REDIRECT_URI);
    params.put("state", state);
    params.put("code_challenge", challenge(verifier));
    params.put("code_challenge_method", "S256");
    params.put("ui_locales", "en");
    if (acrValues != null) {
      params.put("acr_values", acrValues);
    }
    return realmUrl + "/protocol/openid-connect/auth?" + form(params);
  }

  static boolean isCallback(String url) {
    return url != null && url.startsWith(REDIRECT_URI);
  }

  JsonNode exchange(String callbackUrl) throws IOException, InterruptedException {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : URI.create(callbackUrl).getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      query.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("grant_type", "authorization_code");
    params.put("code", query.get("code"));
    params.put("redirect_uri", REDIRECT_URI);
    params.put("code_verifier", verifier);
    params.put("client_id", CLIENT_ID);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(params)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "token endpoint said " + response.statusCode() + ": " + response.body());
    }
    return JsonSerialization.readValue(response.body(), JsonNode.class);
  }

  private static String challenge(String verifier) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    new SecureRandom().nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  private static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
