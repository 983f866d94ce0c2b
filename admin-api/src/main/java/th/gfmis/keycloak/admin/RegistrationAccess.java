package th.gfmis.keycloak.admin;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;

/**
 * Who may see and decide registrations: a user of the realm itself holding the realm role {@value
 * #APPROVER} (read and decide) or {@value #AUDITOR} (read). Keycloak's admin roles give nothing
 * here, so a realm administrator without one of these roles is refused.
 */
final class RegistrationAccess {

  static final String APPROVER = "gfmis-registration-approver";
  static final String AUDITOR = "gfmis-registration-auditor";

  private final UserModel caller;
  private final boolean read;
  private final boolean decide;

  RegistrationAccess(RealmModel realm, AdminAuth auth) {
    boolean ownRealm = auth.getRealm() != null && auth.getRealm().getId().equals(realm.getId());
    this.caller = ownRealm ? auth.getUser() : null;
    this.decide = holds(realm, APPROVER);
    this.read = decide || holds(realm, AUDITOR);
  }

  private boolean holds(RealmModel realm, String roleName) {
    RoleModel role = realm.getRole(roleName);
    return caller != null && role != null && caller.hasRole(role);
  }

  boolean canRead() {
    return read;
  }

  boolean canDecide() {
    return decide;
  }

  /** The caller (a user of this realm when {@link #canRead()}). */
  UserModel caller() {
    return caller;
  }
}
