package th.gfmis.keycloak.registration.flow;

import java.util.Base64;
import java.util.Optional;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.registration.OrderFile;
import th.gfmis.keycloak.registration.Submission;

/**
 * The checked assignment order, waiting in the authentication session until identity proofing and
 * the OTP are done: nothing reaches the database before then. A kept file is at most 1 MB ({@code
 * AssignmentOrders#MAX_BYTES}); a refused one is only its reason.
 */
final class PendingOrder {

  private static final String REFUSED = "gfmis-reg-order-refused";
  private static final String CONTENT = "gfmis-reg-order-content";
  private static final String NAME = "gfmis-reg-order-name";
  private static final String TYPE = "gfmis-reg-order-type";
  private static final String SHA256 = "gfmis-reg-order-sha256";

  private PendingOrder() {}

  static void keep(AuthenticationSessionModel authSession, Submission.OrderAttachment order) {
    clear(authSession);
    if (order instanceof Submission.Refused refused) {
      authSession.setAuthNote(REFUSED, refused.reasonKey());
    } else if (order instanceof Submission.Attached attached) {
      authSession.setAuthNote(CONTENT, Base64.getEncoder().encodeToString(attached.content()));
      authSession.setAuthNote(NAME, attached.file().filename());
      authSession.setAuthNote(TYPE, attached.file().contentType());
      authSession.setAuthNote(SHA256, attached.file().sha256());
    }
  }

  static Optional<Submission.OrderAttachment> read(AuthenticationSessionModel authSession) {
    String refused = authSession.getAuthNote(REFUSED);
    if (refused != null) {
      return Optional.of(new Submission.Refused(refused));
    }
    String content = authSession.getAuthNote(CONTENT);
    if (content == null) {
      return Optional.empty();
    }
    byte[] bytes = Base64.getDecoder().decode(content);
    OrderFile file =
        new OrderFile(
            authSession.getAuthNote(NAME),
            authSession.getAuthNote(TYPE),
            bytes.length,
            authSession.getAuthNote(SHA256));
    return Optional.of(new Submission.Attached(file, bytes));
  }

  static void clear(AuthenticationSessionModel authSession) {
    for (String note : new String[] {REFUSED, CONTENT, NAME, TYPE, SHA256}) {
      authSession.removeAuthNote(note);
    }
  }
}
