package th.gfmis.keycloak.authenticators.reset;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.utils.EmailValidationUtil;
import th.gfmis.keycloak.domain.CitizenId;
import th.gfmis.keycloak.domain.GfmisUserId;

/**
 * What the holder typed into the forgotten-password form (R-F1), and the per-field errors of it
 * (R-F2). Over-long input is cut, so that nothing unbounded is echoed back or processed.
 */
record ResetForm(String userId, String citizenId, String email) {

  static final String USER_ID = "userId";
  static final String CITIZEN_ID = "citizenId";
  static final String EMAIL = "email";
  private static final int MAX_FIELD = 254;

  static ResetForm from(MultivaluedMap<String, String> params) {
    return new ResetForm(field(params, USER_ID), field(params, CITIZEN_ID), field(params, EMAIL));
  }

  static ResetForm empty() {
    return new ResetForm("", "", "");
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

  boolean emailWellFormed() {
    return !email.isEmpty() && EmailValidationUtil.isValidEmail(email);
  }

  List<FormMessage> fieldErrors() {
    List<FormMessage> errors = new ArrayList<>();
    if (parsedUserId().isEmpty()) {
      errors.add(new FormMessage(USER_ID, "gfmisInvalidUserId"));
    }
    if (parsedCitizenId().isEmpty()) {
      errors.add(new FormMessage(CITIZEN_ID, "gfmisInvalidCitizenId"));
    }
    if (!emailWellFormed()) {
      errors.add(new FormMessage(EMAIL, "gfmisInvalidEmail"));
    }
    return errors;
  }

  /** The values to put back into the form. */
  Map<String, String> asTemplateValues() {
    return Map.of(USER_ID, userId, CITIZEN_ID, citizenId, EMAIL, email);
  }
}
