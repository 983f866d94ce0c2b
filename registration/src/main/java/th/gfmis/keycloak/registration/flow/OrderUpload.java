package th.gfmis.keycloak.registration.flow;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.keycloak.http.FormPartValue;
import org.keycloak.http.HttpRequest;
import th.gfmis.keycloak.registration.Submission;
import th.gfmis.keycloak.registration.order.AssignmentOrders;

/**
 * The assignment order as the browser uploaded it (a {@code multipart/form-data} part). Keycloak's
 * {@link HttpRequest#getMultiPartFormParameters()} gives the part's content but not the file name
 * the browser sent, so the name is read from the request's form data in Quarkus' REST layer.
 */
final class OrderUpload {

  private OrderUpload() {}

  /** The checked file, or empty when the form carried no file at all. */
  static Optional<Submission.OrderAttachment> check(HttpRequest request) throws IOException {
    FormPartValue part = request.getMultiPartFormParameters().getFirst(RegistrationForm.ORDER);
    Optional<String> filename = filename();
    if (part == null || filename.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream content = part.asInputStream()) {
      return Optional.of(AssignmentOrders.check(filename.get(), content));
    }
  }

  /** The file name of the upload; empty when no file was chosen (browsers then send no name). */
  private static Optional<String> filename() {
    ResteasyReactiveRequestContext current = CurrentRequestManager.get();
    FormData form = current == null ? null : current.getFormData();
    FormValue value = form == null ? null : form.getFirst(RegistrationForm.ORDER);
    if (value == null || !value.isFileItem() || value.getFileName() == null) {
      return Optional.empty();
    }
    return value.getFileName().isEmpty() ? Optional.empty() : Optional.of(value.getFileName());
  }
}
