package th.gfmis.keycloak.registration.flow;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import org.keycloak.http.FormPartValue;

/** Reading the parts of a {@code multipart/form-data} post without trusting their kind. */
final class FormParts {

  private FormParts() {}

  /** The text of part {@code name}; empty when there is none or it was sent as a file. */
  static Optional<String> text(MultivaluedMap<String, FormPartValue> parts, String name) {
    FormPartValue part = parts.getFirst(name);
    if (part == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(part.asString());
    } catch (RuntimeException sentAsFile) {
      return Optional.empty();
    }
  }
}
