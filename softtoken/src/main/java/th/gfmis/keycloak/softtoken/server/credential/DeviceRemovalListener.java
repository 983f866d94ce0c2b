package th.gfmis.keycloak.softtoken.server.credential;

import java.time.Instant;
import java.util.Map;
import org.keycloak.Config;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.core.events.GfmisEvents;

/**
 * When a Soft Token device is removed outside the device API — by the holder in the account console
 * ({@code REMOVE_CREDENTIAL} event) or by an administrator (the admin event of {@code DELETE
 * users/{id}/credentials/{credentialId}}) — e-mails the holder and ends every session of the user
 * at the Soft Token level ({@link SoftTokenSessions}), the one of the removing browser included. A
 * global listener, so it needs no realm setting; the device API does both itself for a removal from
 * the app.
 */
public class DeviceRemovalListener implements EventListenerProviderFactory, EventListenerProvider {

  public static final String PROVIDER_ID = "gfmis-softtoken-removal-notices";

  private final KeycloakSession session;

  public DeviceRemovalListener() {
    this(null);
  }

  private DeviceRemovalListener(KeycloakSession session) {
    this.session = session;
  }

  @Override
  public void onEvent(Event event) {
    Map<String, String> details = event.getDetails();
    if (event.getType() != EventType.REMOVE_CREDENTIAL
        || event.getError() != null
        || details == null
        || !SoftTokenCredentialModel.TYPE.equals(details.get(Details.CREDENTIAL_TYPE))
        || details.containsKey(GfmisEvents.STEP)) {
      return;
    }
    AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
    if (authSession != null) {
      // The delete_credential action would otherwise attach a session to the browser (or keep the
      // one it had) and return to the account console: end instead, on Keycloak's "account
      // updated" page, whose link back to the console asks for a new sign-in.
      authSession.setAuthNote(AuthenticationManager.END_AFTER_REQUIRED_ACTIONS, "true");
      authSession.setAuthNote(
          AuthenticationManager.SET_REDIRECT_URI_AFTER_REQUIRED_ACTIONS, "true");
    }
    notify(
        event.getRealmId(),
        event.getUserId(),
        details.get(Details.CREDENTIAL_USER_LABEL),
        DeviceNotices.Channel.Account,
        event.getTime());
  }

  @Override
  public void onEvent(AdminEvent event, boolean includeRepresentation) {
    Map<String, String> details = event.getDetails();
    String path = event.getResourcePath();
    if (event.getOperationType() != OperationType.ACTION
        || event.getError() != null
        || details == null
        || !SoftTokenCredentialModel.TYPE.equals(details.get(Details.CREDENTIAL_TYPE))
        || path == null) {
      return;
    }
    String[] parts = path.split("/");
    if (parts.length != 4 || !"users".equals(parts[0]) || !"credentials".equals(parts[2])) {
      return;
    }
    notify(
        event.getRealmId(),
        parts[1],
        details.get(Details.CREDENTIAL_USER_LABEL),
        DeviceNotices.Channel.Admin,
        event.getTime());
  }

  private void notify(
      String realmId, String userId, String label, DeviceNotices.Channel channel, long time) {
    RealmModel realm = session.realms().getRealm(realmId);
    UserModel user = realm == null ? null : session.users().getUserById(realm, userId);
    if (user == null) {
      return;
    }
    SoftTokenSessions.endAfterRevocation(session, realm, user);
    new DeviceNotices(session, realm)
        .revoked(
            user,
            label == null || label.isBlank() ? "Soft Token" : label,
            channel,
            Instant.ofEpochMilli(time));
  }

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return new DeviceRemovalListener(session);
  }

  @Override
  public boolean isGlobal() {
    return true;
  }

  @Override
  public String getId() {
    return PROVIDER_ID;
  }

  @Override
  public void init(Config.Scope config) {}

  @Override
  public void postInit(KeycloakSessionFactory factory) {}

  @Override
  public void close() {}
}
