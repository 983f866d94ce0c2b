package th.gfmis.keycloak.it.registration;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;

/**
 * A caller of the registrations API: a confidential client of the realm whose service-account user
 * holds the given roles, calling with its own access token (client credentials), as an integration
 * or the console would with a user's token.
 */
final class ApiCaller {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String baseUrl;
  private final String apiUrl;
  private final String clientId;
  private final String secret;
  final String userId;

  private ApiCaller(ManagedRealm realm, String serverUrl, String clientId, String userId) {
    this.baseUrl = realm.getBaseUrl();
    this.apiUrl = serverUrl + "/admin/realms/" + realm.getName() + "/gfmis/registrations";
    this.clientId = clientId;
    this.secret = clientId + "-secret";
    this.userId = userId;
  }

  /**
   * A caller holding the realm roles {@code realmRoles} and realm-management's {@code adminRoles}.
   */
  static ApiCaller create(
      ManagedRealm realm,
      String serverUrl,
      String clientId,
      List<String> realmRoles,
      List<String> adminRoles) {
    RealmResource admin = realm.admin();
    ClientRepresentation client = new ClientRepresentation();
    client.setClientId(clientId);
    client.setSecret(clientId + "-secret");
    client.setPublicClient(false);
    client.setServiceAccountsEnabled(true);
    client.setStandardFlowEnabled(false);
    String internalId;
    try (Response response = admin.clients().create(client)) {
      internalId = CreatedResponseUtil.getCreatedId(response);
    }
    String userId = admin.clients().get(internalId).getServiceAccountUser().getId();
    List<RoleRepresentation> roles =
        realmRoles.stream().map(r -> admin.roles().get(r).toRepresentation()).toList();
    if (!roles.isEmpty()) {
      admin.users().get(userId).roles().realmLevel().add(roles);
    }
    if (!adminRoles.isEmpty()) {
      String management = admin.clients().findByClientId("realm-management").get(0).getId();
      admin
          .users()
          .get(userId)
          .roles()
          .clientLevel(management)
          .add(
              adminRoles.stream()
                  .map(r -> admin.clients().get(management).roles().get(r).toRepresentation())
                  .toList());
    }
    return new ApiCaller(realm, serverUrl, clientId, userId);
  }

  HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(apiUrl + path)).GET());
  }

  HttpResponse<byte[]> getBytes(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(apiUrl + path))
            .header("Authorization", "Bearer " + token())
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpResponse<String> post(String path, String json) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(apiUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JsonSerialization.readValue(response.body(), JsonNode.class);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(
        request.header("Authorization", "Bearer " + token()).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private String token() throws Exception {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("token for " + clientId + ": " + response.body());
    }
    return json(response).get("access_token").asText();
  }
}
