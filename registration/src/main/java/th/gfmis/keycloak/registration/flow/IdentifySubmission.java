package th.gfmis.keycloak.registration.flow;

import java.util.Optional;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.registration.Submission;

/**
 * What the first page sent, kept in the authentication session by {@link
 * IdentifySubmissionResource} until the identify step decides on it. The step takes it once: a
 * submission never outlives the page view that made it.
 */
record IdentifySubmission(RegistrationForm form, Optional<Submission.OrderAttachment> order) {

  private static final String SUBMITTED = "gfmis-reg-identify-submitted";
  private static final String USER_ID = "gfmis-reg-input-user-id";
  private static final String CITIZEN_ID = "gfmis-reg-input-cid";
  private static final String EMAIL = "gfmis-reg-input-email";

  static void keep(
      AuthenticationSessionModel authSession,
      RegistrationForm form,
      Optional<Submission.OrderAttachment> order) {
    authSession.setAuthNote(USER_ID, form.userId());
    authSession.setAuthNote(CITIZEN_ID, form.citizenId());
    authSession.setAuthNote(EMAIL, form.email());
    order.ifPresentOrElse(
        attachment -> PendingOrder.keep(authSession, attachment),
        () -> PendingOrder.clear(authSession));
    authSession.setAuthNote(SUBMITTED, "true");
  }

  /** The submission waiting for the identify step, removed from the session; empty when none. */
  static Optional<IdentifySubmission> take(AuthenticationSessionModel authSession) {
    if (authSession.getAuthNote(SUBMITTED) == null) {
      return Optional.empty();
    }
    RegistrationForm form =
        new RegistrationForm(
            authSession.getAuthNote(USER_ID),
            authSession.getAuthNote(CITIZEN_ID),
            authSession.getAuthNote(EMAIL));
    for (String note : new String[] {SUBMITTED, USER_ID, CITIZEN_ID, EMAIL}) {
      authSession.removeAuthNote(note);
    }
    return Optional.of(new IdentifySubmission(form, PendingOrder.read(authSession)));
  }
}
