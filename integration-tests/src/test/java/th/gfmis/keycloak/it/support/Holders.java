package th.gfmis.keycloak.it.support;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Makes holders the way an operator would: the user through Keycloak's admin API, the citizen ID
 * and the enrollment grant for the first Soft Token device through this project's admin endpoints
 * (the password alone never enrolls a device; registration will give its users a grant).
 */
public final class Holders {

  private static final AtomicInteger SEQUENCE = new AtomicInteger(500);

  private final Keycloak admin;
  private final ManagedRealm realm;
  private final String serverUrl;

  public Holders(Keycloak admin, ManagedRealm realm, String serverUrl) {
    this.admin = admin;
    this.realm = realm;
    this.serverUrl = serverUrl;
  }

  /**
   * A new holder with a fresh user ID and valid CID, Thai (or the given) locale, and a grant to
   * enroll a first Soft Token device.
   */
  public Holder create(String locale) throws IOException, InterruptedException {
    Holder holder = createWithoutGrant(locale);
    grantEnrollment(holder);
    return holder;
  }

  /** Gives the holder one enrollment grant (the bundle's admin API), as an administrator would. */
  public void grantEnrollment(Holder holder) throws IOException, InterruptedException {
    HttpResponse<String> granted = enrollmentGrant("POST", userId(holder));
    if (granted.statusCode() != 201) {
      throw new AssertionError(
          "granting an enrollment said " + granted.statusCode() + ": " + granted.body());
    }
  }

  /** A new holder like {@link #create} who was never granted an enrollment. */
  public Holder createWithoutGrant(String locale) throws IOException, InterruptedException {
    int n = SEQUENCE.incrementAndGet();
    String userId = String.format(Locale.ROOT, "T%014d", 5005000000000L + n);
    String citizenId =
        Cids.valid(String.format(Locale.ROOT, "3%011d", 10_000_000_000L + n * 7919L));
    Holder holder =
        new Holder(userId, citizenId, "holder" + n + "@demo.gfmis.local", "Holder#Pass" + n + "x");
    UserRepresentation user = new UserRepresentation();
    user.setUsername(holder.username());
    user.setEmail(holder.email());
    user.setEmailVerified(true);
    user.setEnabled(true);
    user.setFirstName("Holder");
    user.setLastName(Integer.toString(n));
    user.setAttributes(Map.of("locale", List.of(locale)));
    CredentialRepresentation password = new CredentialRepresentation();
    password.setType(CredentialRepresentation.PASSWORD);
    password.setValue(holder.password());
    password.setTemporary(false);
    user.setCredentials(List.of(password));
    String id;
    try (Response response = realm.admin().users().create(user)) {
      id = CreatedResponseUtil.getCreatedId(response);
    }
    HttpResponse<String> set = putCitizenId(id, "{\"citizenId\":\"" + citizenId + "\"}");
    if (set.statusCode() != 204) {
      throw new AssertionError("setting the CID said " + set.statusCode() + ": " + set.body());
    }
    return holder;
  }

  public String userId(Holder holder) {
    return realm.admin().users().search(holder.username(), true).get(0).getId();
  }

  /** PUT on the CID admin endpoint, with the test's admin token. */
  public HttpResponse<String> putCitizenId(String userId, String json)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(citizenIdUri(userId))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> getCitizenId(String userId) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(citizenIdUri(userId)).GET());
  }

  /** GET or DELETE on the user's locks admin endpoint, with the test's admin token. */
  public HttpResponse<String> locks(String method, String userId)
      throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(
                URI.create(
                    serverUrl
                        + "/admin/realms/"
                        + realm.getName()
                        + "/gfmis/users/"
                        + userId
                        + "/locks"))
            .method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private URI citizenIdUri(String userId) {
    return URI.create(
        serverUrl + "/admin/realms/" + realm.getName() + "/gfmis/users/" + userId + "/citizen-id");
  }

  /** POST, GET or DELETE on the user's Soft Token enrollment grant (the bundle's admin API). */
  public HttpResponse<String> enrollmentGrant(String method, String userId)
      throws IOException, InterruptedException {
    URI uri =
        URI.create(
            serverUrl
                + "/admin/realms/"
                + realm.getName()
                + "/gfmis/users/"
                + userId
                + "/softtoken/enrollment-grant");
    return send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    request.header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString());
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
