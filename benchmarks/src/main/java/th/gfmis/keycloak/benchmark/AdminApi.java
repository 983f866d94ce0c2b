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
    return created(send("POST", "/users", user(username, email, password).toString()));
  }

  /**
   * Creates an enabled user with a password and a one-time-code credential of Keycloak's own (type
   * {@code otp}) with the secret {@code otpSecret}, made for the realm's policy {@code otpPolicy}
   * ({@link #otpPolicy}); returns its id.
   */
  String createUserWithOtp(
      String username, String email, String password, JsonNode otpPolicy, String otpSecret)
      throws IOException, InterruptedException {
    ObjectNode user = user(username, email, password);
    ObjectNode data = JSON.createObjectNode();
    data.put("subType", otpPolicy.get("otpPolicyType").asText());
    data.put("digits", otpPolicy.get("otpPolicyDigits").asInt());
    data.put("period", otpPolicy.get("otpPolicyPeriod").asInt());
    data.put("algorithm", otpPolicy.get("otpPolicyAlgorithm").asText());
    data.put("counter", 0);
    ObjectNode otp = ((ArrayNode) user.get("credentials")).addObject();
    otp.put("type", "otp").put("userLabel", "Benchmark");
    otp.put("secretData", JSON.createObjectNode().put("value", otpSecret).toString());
    otp.put("credentialData", data.toString());
    return created(send("POST", "/users", user.toString()));
  }

  private static ObjectNode user(String username, String email, String password) {
    ObjectNode user = JSON.createObjectNode();
    user.put("username", username).put("email", email).put("enabled", true);
    user.put("emailVerified", true).put("firstName", "Benchmark").put("lastName", username);
    ObjectNode credential = user.putArray("credentials").addObject();
    credential.put("type", "password").put("value", password).put("temporary", false);
    return user;
  }

  /**
   * The realm's representation, whose {@code otpPolicyType}, {@code otpPolicyAlgorithm}, {@code
   * otpPolicyDigits} and {@code otpPolicyPeriod} are its one-time-code policy.
   */
  JsonNode otpPolicy() throws IOException, InterruptedException {
    HttpResponse<String> realmRep = send("GET", "", null);
    check(realmRep, 200);
    return JSON.readTree(realmRep.body());
  }

  /**
   * A copy of the top-level flow {@code flow} named {@code copy}, with the authenticator {@code
   * provider} added as required at the end of the copy of its sub-flow {@code subFlow}; returns the
   * copy's id. A flow left with that name by a stopped run is deleted first.
   */
  String copyFlowWithStep(String flow, String copy, String subFlow, String provider)
      throws IOException, InterruptedException {
    deleteFlow(copy);
    check(
        send(
            "POST",
            flowPath(flow) + "/copy",
            JSON.createObjectNode().put("newName", copy).toString()),
        201);
    String copiedSubFlow = null;
    for (JsonNode execution : executions(copy)) {
      if (execution.path("authenticationFlow").asBoolean()
          && execution.get("displayName").asText().endsWith(subFlow)) {
        copiedSubFlow = execution.get("displayName").asText();
      }
    }
    if (copiedSubFlow == null) {
      throw new IllegalStateException("no sub-flow " + subFlow + " in flow " + flow);
    }
    check(
        send(
            "POST",
            flowPath(copiedSubFlow) + "/executions/execution",
            JSON.createObjectNode().put("provider", provider).toString()),
        201);
    for (JsonNode execution : executions(copy)) {
      if (provider.equals(execution.path("providerId").asText())) {
        ((ObjectNode) execution).put("requirement", "REQUIRED");
        check(send("PUT", flowPath(copy) + "/executions", execution.toString()), 204);
      }
    }
    return flowId(copy);
  }

  /** Deletes the top-level flow with this name, with its sub-flows, if there is one. */
  void deleteFlow(String alias) throws IOException, InterruptedException {
    String id = flowId(alias);
    if (id != null) {
      check(send("DELETE", "/authentication/flows/" + id, null), 204);
    }
  }

  private String flowId(String alias) throws IOException, InterruptedException {
    HttpResponse<String> flows = send("GET", "/authentication/flows", null);
    check(flows, 200);
    for (JsonNode flow : JSON.readTree(flows.body())) {
      if (alias.equals(flow.get("alias").asText())) {
        return flow.get("id").asText();
      }
    }
    return null;
  }

  private JsonNode executions(String flow) throws IOException, InterruptedException {
    HttpResponse<String> executions = send("GET", flowPath(flow) + "/executions", null);
    check(executions, 200);
    return JSON.readTree(executions.body());
  }

  private static String flowPath(String alias) {
    return "/authentication/flows/"
        + URLEncoder.encode(alias, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * A copy of the client {@code template} named {@code clientId}, whose browser sign-ins go through
   * the flow {@code browserFlowId}; returns its internal id. A client left with that name by a
   * stopped run is deleted first.
   */
  String copyClientWithBrowserFlow(String template, String clientId, String browserFlowId)
      throws IOException, InterruptedException {
    deleteClients(clientId);
    HttpResponse<String> found = send("GET", "/clients?clientId=" + template, null);
    check(found, 200);
    ObjectNode client = (ObjectNode) JSON.readTree(found.body()).get(0);
    client.remove("id");
    client.put("clientId", clientId);
    for (JsonNode mapper : client.path("protocolMappers")) {
      ((ObjectNode) mapper).remove("id");
    }
    client.putObject("authenticationFlowBindingOverrides").put("browser", browserFlowId);
    return created(send("POST", "/clients", client.toString()));
  }

  private void deleteClients(String clientId) throws IOException, InterruptedException {
    HttpResponse<String> left = send("GET", "/clients?clientId=" + clientId, null);
    check(left, 200);
    for (JsonNode stale : JSON.readTree(left.body())) {
      deleteClient(stale.get("id").asText());
    }
  }

  private static String created(HttpResponse<String> response) throws IOException {
    check(response, 201);
    String location = response.headers().firstValue("Location").orElseThrow();
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
    deleteClients(clientId); // from a run that was stopped
    ObjectNode client = JSON.createObjectNode();
    client.put("clientId", clientId).put("secret", secret).put("publicClient", false);
    client.put("serviceAccountsEnabled", true).put("standardFlowEnabled", false);
    String id = created(send("POST", "/clients", client.toString()));
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
    for (JsonNode execution : executions(flow)) {
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
