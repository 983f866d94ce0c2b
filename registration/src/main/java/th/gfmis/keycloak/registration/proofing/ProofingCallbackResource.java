package th.gfmis.keycloak.registration.proofing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.util.AuthenticationFlowURLHelper;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.core.citizenid.CitizenIdStore;

/**
 * The browser's return from the proofing service, {@code
 * /realms/{realm}/gfmis-registration/proofing/callback}: the address to register at ThaID. It finds
 * the authentication session from {@code state} (and the browser's session cookie), records the
 * outcome there and sends the browser back into the flow, which resumes at its current step.
 */
public class ProofingCallbackResource implements RealmResourceProvider {

  static final String EVENT_STEP = "gfmis_step";

  private final KeycloakSession session;

  public ProofingCallbackResource(KeycloakSession session) {
    this.session = session;
  }

  /** The fixed address the proofing service sends the browser back to. */
  public static URI callbackUri(KeycloakSession session, RealmModel realm) {
    return session
        .getContext()
        .getUri()
        .getBaseUriBuilder()
        .path("realms")
        .path(realm.getName())
        .path(ProofingCallbackResourceFactory.ID)
        .path("proofing/callback")
        .build();
  }

  @Override
  public Object getResource() {
    return this;
  }

  @GET
  @Path("proofing/callback")
  public Response callback() {
    RealmModel realm = session.getContext().getRealm();
    MultivaluedMap<String, String> parameters = session.getContext().getUri().getQueryParameters();
    EventBuilder event =
        new EventBuilder(realm, session, session.getContext().getConnection())
            .event(EventType.IDENTITY_PROVIDER_RESPONSE)
            .detail(EVENT_STEP, "identity_proofing");
    ProofingState state = ProofingState.decode(parameters.getFirst("state")).orElse(null);
    if (state == null) {
      event.error("invalid_state");
      return errorPage("gfmisProofingInvalidReturn");
    }
    ClientModel client = realm.getClientByClientId(state.clientId());
    AuthenticationSessionModel authSession =
        client == null
            ? null
            : new AuthenticationSessionManager(session)
                .getCurrentAuthenticationSession(realm, client, state.tabId());
    if (authSession == null) {
      event.error("session_not_found");
      return errorPage("gfmisProofingSessionExpired");
    }
    session.getContext().setClient(client);
    session.getContext().setAuthenticationSession(authSession);
    event.client(client);
    if (authSession.getAuthenticatedUser() != null) {
      event.user(authSession.getAuthenticatedUser());
    }
    if (!state.consume(authSession)) {
      event.error("invalid_state");
      ProofingResult.INVALID_STATE.keep(authSession);
      return backToFlow(realm, authSession);
    }
    IdentityProofing proofing = session.getProvider(IdentityProofing.class);
    ProofingOutcome outcome =
        proofing.complete(authSession, parameters, callbackUri(session, realm));
    ProofingResult result =
        ProofingResult.record(authSession, session.getProvider(CitizenIdStore.class), outcome);
    if (result == ProofingResult.PROVEN) {
      event.success();
    } else {
      if (outcome instanceof ProofingOutcome.Failed failed) {
        event.detail(Details.REASON, failed.reason());
      }
      event.error("proofing_" + result.name().toLowerCase(java.util.Locale.ROOT));
    }
    return backToFlow(realm, authSession);
  }

  private Response backToFlow(RealmModel realm, AuthenticationSessionModel authSession) {
    URI resume =
        new AuthenticationFlowURLHelper(session, realm, session.getContext().getUri())
            .getLastExecutionUrl(authSession);
    return Response.status(Response.Status.FOUND).location(resume).build();
  }

  private Response errorPage(String message) {
    return session
        .getProvider(LoginFormsProvider.class)
        .setError(message)
        .createErrorPage(Response.Status.BAD_REQUEST);
  }

  @Override
  public void close() {}
}
