package th.gfmis.keycloak.softtoken.server.api;

import java.util.Locale;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.core.events.GfmisEvents;
import th.gfmis.keycloak.core.events.GfmisEvents.Step;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenCredentialModel;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollmentBasis;

/** Audit events of the device API (no secret in any detail). */
final class DeviceEvents {

  private final KeycloakSession session;
  private final RealmModel realm;

  DeviceEvents(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  void enrolled(UserModel user, String serial, String deviceName, EnrollmentBasis basis) {
    builder(EventType.UPDATE_CREDENTIAL, user)
        .detail(GfmisEvents.SOFTTOKEN_SERIAL, serial)
        .detail(GfmisEvents.SOFTTOKEN_DEVICE, deviceName)
        .detail(GfmisEvents.ENROLLMENT_BASIS, basis.kind().name().toLowerCase(Locale.ROOT))
        .success();
  }

  /** A code whose reason has lapsed (or a second enrollment racing the first). */
  void enrollmentRefused(UserModel user) {
    builder(EventType.UPDATE_CREDENTIAL_ERROR, user)
        .detail(GfmisEvents.STEP, Step.SOFTTOKEN_ENROLL)
        .error(GfmisEvents.ErrorCode.ENROLLMENT_NOT_ALLOWED);
  }

  void revoked(UserModel user, String serial) {
    builder(EventType.REMOVE_CREDENTIAL, user)
        .detail(GfmisEvents.SOFTTOKEN_SERIAL, serial)
        .detail(GfmisEvents.STEP, Step.REVOKED_BY_DEVICE)
        .success();
  }

  void renewed(UserModel user, String previousSerial, String serial) {
    builder(EventType.UPDATE_CREDENTIAL, user)
        .detail(GfmisEvents.SOFTTOKEN_SERIAL, serial)
        .detail(GfmisEvents.SOFTTOKEN_PREVIOUS_SERIAL, previousSerial)
        .detail(GfmisEvents.STEP, Step.SOFTTOKEN_RENEWED)
        .success();
  }

  private EventBuilder builder(EventType type, UserModel user) {
    return new EventBuilder(realm, session, session.getContext().getConnection())
        .event(type)
        .user(user)
        .detail(Details.CREDENTIAL_TYPE, SoftTokenCredentialModel.TYPE);
  }
}
