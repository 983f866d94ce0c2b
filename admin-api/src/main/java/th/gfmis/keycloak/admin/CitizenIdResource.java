package th.gfmis.keycloak.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import th.gfmis.keycloak.core.citizenid.CitizenIdStore;
import th.gfmis.keycloak.domain.CitizenId;

/**
 * {@code /admin/realms/{realm}/gfmis/users/{id}/citizen-id}: sets, shows (last four digits only)
 * and removes a user's citizen ID. Guarded like the user itself (view / manage users); every change
 * is an admin event that never carries the number.
 */
public class CitizenIdResource {

  private final KeycloakSession session;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;
  private final UserModel user;

  CitizenIdResource(
      KeycloakSession session,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent,
      UserModel user) {
    this.session = session;
    this.auth = auth;
    this.adminEvent = adminEvent.resource(ResourceType.USER);
    this.user = user;
  }

  /** The body of a PUT: the CID as typed, dashes allowed. */
  public record CitizenIdInput(String citizenId) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> show() {
    auth.users().requireView(user);
    CitizenIdStore store = store();
    Optional<String> lastFour = store.lastFour(user);
    if (lastFour.isEmpty()) {
      return Map.of("stored", false);
    }
    // Which key the hash is under (none for a hash from before key ids), so that an operator can
    // follow a key rotation.
    Optional<String> keyId = store.hashKeyId(user);
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("stored", true);
    shown.put("lastFour", lastFour.get());
    keyId.ifPresent(id -> shown.put("hashKeyId", id));
    shown.put("hashKeyCurrent", keyId.isPresent() && keyId.equals(store.currentKeyId()));
    return shown;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response set(CitizenIdInput input) {
    auth.users().requireManage(user);
    if (!store().available()) {
      return Response.status(Response.Status.SERVICE_UNAVAILABLE)
          .type(MediaType.APPLICATION_JSON)
          .entity(
              Map.of(
                  "error", "citizen_id_not_configured",
                  "error_description",
                      "The server has no citizen-ID hashing key; see the server log at start."))
          .build();
    }
    CitizenId citizenId = CitizenId.parse(input == null ? null : input.citizenId()).orElse(null);
    if (citizenId == null) {
      return Response.status(Response.Status.BAD_REQUEST)
          .type(MediaType.APPLICATION_JSON)
          .entity(
              Map.of(
                  "error", "invalid_citizen_id",
                  "error_description", "Not a 13-digit citizen ID with a correct check digit."))
          .build();
    }
    store().store(user, citizenId);
    adminEvent
        .operation(OperationType.UPDATE)
        .resourcePath("users", user.getId(), "citizen-id")
        .representation(Map.of("lastFour", citizenId.lastFour()))
        .success();
    return Response.noContent().build();
  }

  @DELETE
  public Response remove() {
    auth.users().requireManage(user);
    store().remove(user);
    adminEvent
        .operation(OperationType.DELETE)
        .resourcePath("users", user.getId(), "citizen-id")
        .success();
    return Response.noContent().build();
  }

  private CitizenIdStore store() {
    return session.getProvider(CitizenIdStore.class);
  }
}
