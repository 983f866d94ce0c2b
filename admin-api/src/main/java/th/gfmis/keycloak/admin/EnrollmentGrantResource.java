package th.gfmis.keycloak.admin;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollmentGrant;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollmentGrants;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollmentSettings;

/**
 * {@code /admin/realms/{realm}/gfmis/users/{id}/softtoken/enrollment-grant}: lets a user enroll one
 * new Soft Token device without the current phone (a lost phone, after the administrator has
 * checked who they are). POST grants (for the "Get Certificate" setting {@code
 * enrollmentGrantDays}), GET shows, DELETE withdraws; rights as for the user (manage / view), every
 * change an admin event. The enrollment it allows uses it up.
 */
public class EnrollmentGrantResource {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;
  private final UserModel user;

  EnrollmentGrantResource(
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent,
      UserModel user) {
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent;
    this.user = user;
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Response grant() {
    auth.users().requireManage(user);
    Instant now = Instant.now();
    EnrollmentGrant grant =
        EnrollmentGrants.grant(user, RANDOM, now, EnrollmentSettings.of(realm).grantValidity());
    Map<String, Object> shown = describe(Optional.of(grant), now);
    adminEvent
        .operation(OperationType.CREATE)
        .resourcePath("users", user.getId(), "softtoken", "enrollment-grant")
        .representation(shown)
        .success();
    return Response.status(Response.Status.CREATED)
        .type(MediaType.APPLICATION_JSON)
        .entity(shown)
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> show() {
    auth.users().requireView(user);
    return describe(EnrollmentGrants.stored(user), Instant.now());
  }

  @DELETE
  public Response withdraw() {
    auth.users().requireManage(user);
    if (EnrollmentGrants.withdraw(user)) {
      adminEvent
          .operation(OperationType.DELETE)
          .resourcePath("users", user.getId(), "softtoken", "enrollment-grant")
          .success();
    }
    return Response.noContent().build();
  }

  /** {@code granted} (holds now), and when it was given and expires; never the grant's id. */
  private static Map<String, Object> describe(Optional<EnrollmentGrant> grant, Instant now) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("granted", grant.map(g -> g.holdsAt(now)).orElse(false));
    grant.ifPresent(
        g -> {
          shown.put("grantedAt", g.grantedAt().toString());
          shown.put("expiresAt", g.expiresAt().toString());
        });
    return shown;
  }
}
