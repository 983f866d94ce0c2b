package th.gfmis.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Gives each demo user who has no Soft Token device one enrollment grant through the bundle's admin
 * API, as an administrator would: the password alone never enrolls a device, so without a grant the
 * demo users could not get a certificate. A user who already has a device gets none (a grant would
 * let the password alone replace it).
 */
final class DemoEnrollmentGrants {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String SOFT_TOKEN_TYPE = "gfmis-softtoken";

  private final HttpClient http;
  private final ObjectMapper json;
  private final String keycloakUrl;

  DemoEnrollmentGrants(HttpClient http, ObjectMapper json, String keycloakUrl) {
    this.http = http;
    this.json = json;
    this.keycloakUrl = keycloakUrl;
  }

  /**
   * Grants the users of the demo realm without a device.
   *
   * @return how many were granted
   */
  int grantAll(List<DemoUser> users) throws IOException, InterruptedException {
    String token = adminToken();
    int granted = 0;
    for (DemoUser user : users) {
      if (!OidcClient.REALM.equals(user.realm())) {
        continue;
      }
      String admin = keycloakUrl + "/admin/realms/" + user.realm();
      JsonNode found =
          get(
              token,
              admin
                  + "/users?exact=true&username="
                  + URLEncoder.encode(user.username(), StandardCharsets.UTF_8));
      if (found.isEmpty()) {
        continue;
      }
      String id = found.get(0).path("id").asText();
      boolean hasDevice = false;
      for (JsonNode credential : get(token, admin + "/users/" + id + "/credentials")) {
        hasDevice |= SOFT_TOKEN_TYPE.equals(credential.path("type").asText());
      }
      if (hasDevice) {
        continue;
      }
      send(
          token,
          HttpRequest.newBuilder(
                  URI.create(admin + "/gfmis/users/" + id + "/softtoken/enrollment-grant"))
              .POST(HttpRequest.BodyPublishers.noBody()),
          201);
      granted++;
    }
    return granted;
  }

  private String adminToken() throws IOException, InterruptedException {
    String form =
        HttpExchanges.formEncode(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "admin-cli",
                "username",
                KeycloakServer.ADMIN_USERNAME,
                "password",
                KeycloakServer.ADMIN_PASSWORD));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(keycloakUrl + "/realms/master/protocol/openid-connect/token"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("admin sign-in answered " + response.statusCode());
    }
    return json.readTree(response.body()).path("access_token").asText();
  }

  private JsonNode get(String token, String url) throws IOException, InterruptedException {
    return json.readTree(send(token, HttpRequest.newBuilder(URI.create(url)).GET(), 200));
  }

  private String send(String token, HttpRequest.Builder request, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            request.timeout(TIMEOUT).header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IOException(
          request.build().method()
              + " "
              + request.build().uri().getPath()
              + " answered "
              + response.statusCode());
    }
    return response.body();
  }
}
