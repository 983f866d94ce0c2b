package th.gfmis.keycloak.registration.proofing;

import jakarta.ws.rs.GET;
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
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.core.citizenid.CitizenIdStore;
import th.gfmis.keycloak.core.events.GfmisEvents;
import th.gfmis.keycloak.registration.RegistrationUris;
import th.gfmis.keycloak.registration.SessionTicket;

/**
 * The browser's return from the proofing service, {@code
 * /realms/{realm}/gfmis-registration/proofing/callback}: the address to register at ThaID. It finds
 * the authentication session from {@code state} (and the browser's session cookie), records the
 * outcome there and sends the browser back into the flow, which resumes at its current step.
 */
public class ProofingCallbackResource {

  private final KeycloakSession session;

  public ProofingCallbackResource(KeycloakSession session) {
    this.session = session;
  }

  /** The fixed address the proofing service sends the browser back to. */
  public static URI callbackUri(KeycloakSession session, RealmModel realm) {
    return RegistrationUris.of(session, realm, RegistrationUris.PROOFING_CALLBACK);
  }

  @GET
  public Response callback() {
    RealmModel realm = session.getContext().getRealm();
    MultivaluedMap<String, String> parameters = session.getContext().getUri().getQueryParameters();
    EventBuilder event =
        new EventBuilder(realm, session, session.getContext().getConnection())
            .event(EventType.IDENTITY_PROVIDER_RESPONSE)
            .detail(GfmisEvents.STEP, GfmisEvents.Step.IDENTITY_PROOFING);
    SessionTicket state = SessionTicket.decode(parameters.getFirst("state")).orElse(null);
    if (state == null) {
      event.error(GfmisEvents.ErrorCode.INVALID_STATE);
      return errorPage("gfmisProofingInvalidReturn");
    }
    AuthenticationSessionModel authSession = state.findSession(session, realm).orElse(null);
    if (authSession == null) {
      event.error(GfmisEvents.ErrorCode.SESSION_NOT_FOUND);
      return errorPage("gfmisRegistrationSessionExpired");
    }
    ClientModel client = authSession.getClient();
    session.getContext().setClient(client);
    session.getContext().setAuthenticationSession(authSession);
    event.client(client);
    if (authSession.getAuthenticatedUser() != null) {
      event.user(authSession.getAuthenticatedUser());
    }
    if (!state.consume(authSession, SessionTicket.Use.PROOFING)) {
      event.error(GfmisEvents.ErrorCode.INVALID_STATE);
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
    URI resume = RegistrationUris.currentStep(session, realm, authSession);
    return Response.status(Response.Status.FOUND).location(resume).build();
  }

  private Response errorPage(String message) {
    return session
        .getProvider(LoginFormsProvider.class)
        .setError(message)
        .createErrorPage(Response.Status.BAD_REQUEST);
  }
}
