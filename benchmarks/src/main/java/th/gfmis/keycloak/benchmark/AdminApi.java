package th.gfmis.keycloak.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The few admin REST calls the benchmarks (this one and the Gatling load test) need to set up and
 * clean up.
 */
public final class AdminApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String server;
  private final String realm;
  private final String credentials;
  private String token;
  private Instant tokenRenewAt = Instant.MIN;

  public AdminApi(String server, String realm, String adminUser, String adminPassword)
      throws IOException, InterruptedException {
    this.server = server;
    this.realm = realm;
    this.credentials =
        "grant_type=password&client_id=admin-cli&username="
            + URLEncoder.encode(adminUser, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
    bearer();
  }

  /**
   * The admin's access token, fetched again shortly before it expires (a minute by default):
   * creating hundreds of users takes longer than that.
   */
  private synchronized String bearer() throws IOException, InterruptedException {
    if (Instant.now().isBefore(tokenRenewAt)) {
      return "Bearer " + token;
    }
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(server + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    check(response, 200);
    JsonNode tokens = JSON.readTree(response.body());
    token = tokens.get("access_token").asText();
    long lifetime = tokens.path("expires_in").asLong(60);
    tokenRenewAt = Instant.now().plusSeconds(Math.max(1, lifetime - 15));
    return "Bearer " + token;
  }

  /** Creates an enabled user with a password; returns its id. */
  public String createUser(String username, String email, String password)
      throws IOException, InterruptedException {
    ObjectNode user = JSON.createObjectNode();
    user.put("username", username).put("email", email).put("enabled", true);
    user.put("emailVerified", true).put("firstName", "Benchmark").put("lastName", username);
    ObjectNode credential = user.putArray("credentials").addObject();
    credential.put("type", "password").put("value", password).put("temporary", false);
    HttpResponse<String> created = send("POST", "/users", user.toString());
    check(created, 201);
    String location = created.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** Gives the user an enrollment grant, so that the first sign-in may enroll a device. */
  public void grantEnrollment(String id) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    server
                        + "/admin/realms/"
                        + realm
                        + "/gfmis/users/"
                        + id
                        + "/softtoken/enrollment-grant"))
            .header("Authorization", bearer())
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> granted = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (granted.statusCode() / 100 != 2) {
      check(granted, 200);
    }
  }

  /**
   * Creates a confidential client whose service account holds the realm roles {@code realmRoles}
   * and realm-management's {@code adminRoles}; returns the client's internal id.
   */
  String createServiceClient(
      String clientId, String secret, List<String> realmRoles, List<String> adminRoles)
      throws IOException, InterruptedException {
    HttpResponse<String> left = send("GET", "/clients?clientId=" + clientId, null);
    check(left, 200);
    for (JsonNode stale : JSON.readTree(left.body())) { // from a run that was stopped
      deleteClient(stale.get("id").asText());
    }
    ObjectNode client = JSON.createObjectNode();
    client.put("clientId", clientId).put("secret", secret).put("publicClient", false);
    client.put("serviceAccountsEnabled", true).put("standardFlowEnabled", false);
    HttpResponse<String> created = send("POST", "/clients", client.toString());
    check(created, 201);
    String location = created.headers().firstValue("Location").orElseThrow();
    String id = location.substring(location.lastIndexOf('/') + 1);
    HttpResponse<String> account = send("GET", "/clients/" + id + "/service-account-user", null);
    check(account, 200);
    String userId = JSON.readTree(account.body()).get("id").asText();
    mapRoles("/users/" + userId + "/role-mappings/realm", "/roles/", realmRoles);
    HttpResponse<String> management = send("GET", "/clients?clientId=realm-management", null);
    check(management, 200);
    String managementId = JSON.readTree(management.body()).get(0).get("id").asText();
    mapRoles(
        "/users/" + userId + "/role-mappings/clients/" + managementId,
        "/clients/" + managementId + "/roles/",
        adminRoles);
    return id;
  }

  private void mapRoles(String mappings, String rolePath, List<String> names)
      throws IOException, InterruptedException {
    ArrayNode roles = JSON.createArrayNode();
    for (String name : names) {
      HttpResponse<String> role = send("GET", rolePath + name, null);
      check(role, 200);
      roles.add(JSON.readTree(role.body()));
    }
    check(send("POST", mappings, roles.toString()), 204);
  }

  void deleteClient(String id) throws IOException, InterruptedException {
    send("DELETE", "/clients/" + id, null);
  }

  public void deleteUser(String id) throws IOException, InterruptedException {
    send("DELETE", "/users/" + id, null);
  }

  /** The options of the authenticator configuration with this alias in a flow. */
  public Map<String, String> authenticatorConfig(String flow, String alias)
      throws IOException, InterruptedException {
    JsonNode config = findConfig(flow, alias);
    return JSON.convertValue(
        config.get("config"),
        JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
  }

  private JsonNode findConfig(String flow, String alias) throws IOException, InterruptedException {
    String path =
        "/authentication/flows/"
            + URLEncoder.encode(flow, StandardCharsets.UTF_8).replace("+", "%20")
            + "/executions";
    HttpResponse<String> executions = send("GET", path, null);
    check(executions, 200);
    for (JsonNode execution : JSON.readTree(executions.body())) {
      if (execution.hasNonNull("authenticationConfig")) {
        HttpResponse<String> config =
            send(
                "GET",
                "/authentication/config/" + execution.get("authenticationConfig").asText(),
                null);
        check(config, 200);
        JsonNode node = JSON.readTree(config.body());
        if (alias.equals(node.get("alias").asText())) {
          return node;
        }
      }
    }
    throw new IllegalStateException("no authenticator configuration " + alias + " in flow " + flow);
  }

  private HttpResponse<String> send(String method, String path, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server + "/admin/realms/" + realm + path))
            .header("Authorization", bearer());
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void check(HttpResponse<String> response, int expected) throws IOException {
    if (response.statusCode() != expected) {
      throw new IOException(
          response.request().method()
              + " "
              + response.request().uri()
              + " said "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }
}
