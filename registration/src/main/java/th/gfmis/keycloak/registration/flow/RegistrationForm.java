package th.gfmis.keycloak.registration.flow;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.http.FormPartValue;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.utils.EmailValidationUtil;
import th.gfmis.keycloak.domain.CitizenId;
import th.gfmis.keycloak.domain.GfmisUserId;

/**
 * The text fields of the registration's first page (R-R1). Over-long input is cut, so that nothing
 * unbounded is echoed back or processed.
 */
record RegistrationForm(String userId, String citizenId, String email) {

  static final String USER_ID = "userId";
  static final String CITIZEN_ID = "citizenId";
  static final String EMAIL = "email";
  static final String ORDER = "order";
  private static final int MAX_FIELD = 254;

  static RegistrationForm from(MultivaluedMap<String, String> params) {
    return new RegistrationForm(
        field(params, USER_ID), field(params, CITIZEN_ID), field(params, EMAIL));
  }

  /**
   * The text fields of the page's {@code multipart/form-data} post. Keycloak's {@code
   * getDecodedFormParameters()} throws on a request with a file part, so each text part is read on
   * its own.
   */
  static RegistrationForm fromParts(MultivaluedMap<String, FormPartValue> parts) {
    MultivaluedHashMap<String, String> fields = new MultivaluedHashMap<>();
    for (String name : new String[] {USER_ID, CITIZEN_ID, EMAIL}) {
      FormParts.text(parts, name).ifPresent(value -> fields.add(name, value));
    }
    return from(fields);
  }

  static RegistrationForm empty() {
    return new RegistrationForm("", "", "");
  }

  private static String field(MultivaluedMap<String, String> params, String name) {
    String value = params.getFirst(name);
    if (value == null) {
      return "";
    }
    value = value.strip();
    return value.length() > MAX_FIELD ? value.substring(0, MAX_FIELD) : value;
  }

  Optional<GfmisUserId> parsedUserId() {
    return GfmisUserId.parse(userId);
  }

  Optional<CitizenId> parsedCitizenId() {
    return CitizenId.parse(citizenId);
  }

  List<FormMessage> fieldErrors() {
    List<FormMessage> errors = new ArrayList<>();
    if (parsedUserId().isEmpty()) {
      errors.add(new FormMessage(USER_ID, "gfmisInvalidUserId"));
    }
    if (parsedCitizenId().isEmpty()) {
      errors.add(new FormMessage(CITIZEN_ID, "gfmisInvalidCitizenId"));
    }
    if (email.isEmpty() || !EmailValidationUtil.isValidEmail(email)) {
      errors.add(new FormMessage(EMAIL, "gfmisInvalidEmail"));
    }
    return errors;
  }

  /** The values to put back into the form; the user ID in its GFMIS (upper-case) form. */
  Map<String, String> asTemplateValues() {
    return Map.of(
        USER_ID,
        parsedUserId().map(GfmisUserId::value).orElse(userId),
        CITIZEN_ID,
        citizenId,
        EMAIL,
        email);
  }
}
