package th.gfmis.keycloak.registration.proofing;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.core.AbstractGfmisAuthenticator;
import th.gfmis.keycloak.core.events.GfmisEvents;
import th.gfmis.keycloak.registration.RegistrationNotes;
import th.gfmis.keycloak.registration.SessionTicket;

/**
 * Registration step "prove identity" (R-R2): a page with a button that starts the round trip to the
 * proofing service (ThaID). The browser returns through {@link ProofingCallbackResource}, which
 * records a {@link ProofingResult}; the flow then resumes here: a proof of the entered CID ends the
 * step, anything else shows the page again with the reason and the button to retry.
 *
 * <p>Needs the user and the note {@link RegistrationNotes#ENTERED_CID_HASH} from the step before.
 */
public class ProveIdentityAuthenticator extends AbstractGfmisAuthenticator {

  static final String TEMPLATE = "gfmis-registration-proofing.ftl";

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    ProofingResult result = ProofingResult.take(authSession).orElse(null);
    if (result == ProofingResult.PROVEN
        && authSession.getAuthNote(RegistrationNotes.KIND) != null) {
      context.success();
      return;
    }
    LoginFormsProvider form = context.form();
    if (result != null) {
      form.setError(message(result));
    }
    context.challenge(form.createForm(TEMPLATE));
  }

  static String message(ProofingResult result) {
    return switch (result) {
      case OTHER_PERSON -> "gfmisProofingOtherPerson";
      case CANCELLED -> "gfmisProofingCancelled";
      case INVALID_STATE -> "gfmisProofingInvalidReturn";
      case FAILED, PROVEN -> "gfmisProofingFailed";
    };
  }

  /** The button: off to the proofing service. */
  @Override
  public void action(AuthenticationFlowContext context) {
    KeycloakSession session = context.getSession();
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    IdentityProofing proofing = session.getProvider(IdentityProofing.class);
    if (authSession.getAuthNote(RegistrationNotes.ENTERED_CID_HASH) == null
        || proofing == null
        || !proofing.available(authSession)) {
      context
          .getEvent()
          .clone()
          .event(EventType.REGISTER_ERROR)
          .error(GfmisEvents.ErrorCode.PROOFING_NOT_CONFIGURED);
      context.challenge(context.form().setError("gfmisProofingUnavailable").createForm(TEMPLATE));
      return;
    }
    authSession.removeAuthNote(ProofingResult.NOTE);
    String state = SessionTicket.issue(authSession, SessionTicket.Use.PROOFING).encoded();
    URI target =
        proofing.begin(
            authSession, state, ProofingCallbackResource.callbackUri(session, context.getRealm()));
    context.challenge(Response.status(Response.Status.FOUND).location(target).build());
  }
}
