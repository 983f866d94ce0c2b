package th.gfmis.keycloak.registration.flow;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.http.FormPartValue;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.registration.RegistrationUris;
import th.gfmis.keycloak.registration.SessionTicket;

/**
 * {@code POST /realms/{realm}/gfmis-registration/identify}: the registration's first page, whose
 * form carries the assignment order as a file. Keycloak's login actions read every post as a plain
 * form and fail on a file part, so the page posts here instead. This endpoint only receives: it
 * finds the authentication session by the page's single-use ticket, keeps the fields and the
 * checked file there, and sends the browser back into the flow, where the identify step decides.
 */
public class IdentifySubmissionResource {

  /** The form field carrying the page's {@link SessionTicket}. */
  static final String TICKET = "ticket";

  private final KeycloakSession session;

  public IdentifySubmissionResource(KeycloakSession session) {
    this.session = session;
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response submit() {
    RealmModel realm = session.getContext().getRealm();
    MultivaluedMap<String, FormPartValue> parts =
        session.getContext().getHttpRequest().getMultiPartFormParameters();
    SessionTicket ticket =
        FormParts.text(parts, TICKET).flatMap(SessionTicket::decode).orElse(null);
    AuthenticationSessionModel authSession =
        ticket == null ? null : ticket.findSession(session, realm).orElse(null);
    if (authSession == null) {
      return session
          .getProvider(LoginFormsProvider.class)
          .setError("gfmisRegistrationSessionExpired")
          .createErrorPage(Response.Status.BAD_REQUEST);
    }
    session.getContext().setClient(authSession.getClient());
    session.getContext().setAuthenticationSession(authSession);
    // A page sent twice, or an old copy of it, only leads back to the flow's current step.
    if (ticket.consume(authSession, SessionTicket.Use.IDENTIFY_FORM)) {
      IdentifySubmission.keep(
          authSession,
          RegistrationForm.fromParts(parts),
          OrderUpload.check(RegistrationForm.ORDER));
    }
    return Response.seeOther(RegistrationUris.currentStep(session, realm, authSession)).build();
  }
}
