package th.gfmis.keycloak.admin;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/gfmis}: the bundle's admin endpoints, one sub-resource each. */
public class GfmisAdminResource {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;

  public GfmisAdminResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent;
  }

  @Path("users/{userId}/citizen-id")
  public CitizenIdResource citizenId(@PathParam("userId") String userId) {
    return new CitizenIdResource(session, auth, adminEvent, user(userId));
  }

  @Path("users/{userId}/locks")
  public UserLocksResource locks(@PathParam("userId") String userId) {
    return new UserLocksResource(
        session, realm, auth, adminEvent.resource(ResourceType.USER), user(userId));
  }

  @Path("users/{userId}/softtoken/enrollment-grant")
  public EnrollmentGrantResource enrollmentGrant(@PathParam("userId") String userId) {
    return new EnrollmentGrantResource(realm, auth, adminEvent, user(userId));
  }

  @Path("registrations")
  public RegistrationsResource registrations() {
    return new RegistrationsResource(session, realm, auth, adminEvent);
  }

  private UserModel user(String userId) {
    UserModel user = session.users().getUserById(realm, userId);
    if (user == null) {
      // Same answer as for a user the caller may not see, so ids cannot be probed.
      auth.users().requireQuery();
      throw new NotFoundException("User not found");
    }
    return user;
  }
}
