package th.gfmis.keycloak.registration.flow;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import th.gfmis.keycloak.registration.Submission;
import th.gfmis.keycloak.registration.order.AssignmentOrders;

/**
 * The assignment order as the browser uploaded it (a {@code multipart/form-data} part). Keycloak's
 * {@code HttpRequest#getMultiPartFormParameters()} gives the part's content but not the file name
 * the browser sent, so the part is read from the request's form data in Quarkus' REST layer.
 */
final class OrderUpload {

  private static final Logger LOG = Logger.getLogger(OrderUpload.class);

  private OrderUpload() {}

  /**
   * The checked file of the current request's part {@code name}; empty when the form carried no
   * file (browsers send a part without a name then). A file that cannot be read is refused.
   */
  static Optional<Submission.OrderAttachment> check(String name) {
    ResteasyReactiveRequestContext current = CurrentRequestManager.get();
    FormData form = current == null ? null : current.getFormData();
    FormValue value = form == null ? null : form.getFirst(name);
    if (value == null
        || !value.isFileItem()
        || value.getFileName() == null
        || value.getFileName().isEmpty()) {
      return Optional.empty();
    }
    try (InputStream content = value.getFileItem().getInputStream()) {
      return Optional.of(AssignmentOrders.check(value.getFileName(), content));
    } catch (IOException | RuntimeException e) {
      LOG.debugf("Unreadable assignment-order upload: %s", e.getClass().getName());
      return Optional.of(new Submission.Refused("gfmisOrderUnreadable"));
    }
  }
}
