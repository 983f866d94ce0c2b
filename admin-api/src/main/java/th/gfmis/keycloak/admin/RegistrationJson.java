package th.gfmis.keycloak.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import th.gfmis.keycloak.registration.HistoryEntry;
import th.gfmis.keycloak.registration.OrderFile;
import th.gfmis.keycloak.registration.Registration;

/**
 * The JSON shapes of the registrations API (docs/admin-openapi.yaml): never the CID's hash, never
 * the file's bytes; times as ISO-8601 UTC strings; absent values as null.
 */
final class RegistrationJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RegistrationJson() {}

  /** The JSON text of {@code json}, null members included. */
  static String write(Map<String, Object> json) {
    try {
      return MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> summary(Registration r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", r.id());
    json.put("userId", r.displayUserId());
    json.put("kind", r.kind().name());
    json.put("status", r.status().name());
    json.put("statusReason", r.statusReason().orElse(null));
    json.put("cidLastFour", r.citizenIdLastFour());
    json.put("provenNameTh", r.provenNameTh());
    json.put("provenNameEn", r.provenNameEn().orElse(null));
    json.put("ial", r.identityAssuranceLevel());
    json.put("email", r.email().orElse(null));
    json.put("createdAt", r.createdAt().toString());
    json.put("submittedAt", time(r.submittedAt()));
    json.put("decidedAt", time(r.decidedAt()));
    json.put("version", r.version());
    return json;
  }

  static Map<String, Object> detail(
      Registration r,
      List<HistoryEntry> history,
      Function<String, Optional<String>> usernameOf,
      Optional<String> currentHolderName) {
    Map<String, Object> json = summary(r);
    json.put("order", r.order().map(RegistrationJson::order).orElse(null));
    json.put("history", history.stream().map(h -> entry(h, usernameOf)).toList());
    json.put("currentHolderName", currentHolderName.orElse(null));
    return json;
  }

  static Map<String, Object> order(OrderFile file) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("filename", file.filename());
    json.put("contentType", file.contentType());
    json.put("size", file.size());
    json.put("sha256", file.sha256());
    return json;
  }

  /** What an admin event keeps of a decision: who, what and why; no CID, no file. */
  static Map<String, Object> decision(Registration r) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", r.id());
    json.put("userId", r.displayUserId());
    json.put("kind", r.kind().name());
    json.put("status", r.status().name());
    json.put("reason", r.statusReason().orElse(null));
    json.put("version", r.version());
    return json;
  }

  private static Map<String, Object> entry(
      HistoryEntry h, Function<String, Optional<String>> usernameOf) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("at", h.at().toString());
    json.put("status", h.status().name());
    json.put("actor", h.actor().name());
    json.put(
        "actorUsername",
        h.actorId().flatMap(usernameOf).map(name -> name.toUpperCase(Locale.ROOT)).orElse(null));
    json.put("reason", h.reason().orElse(null));
    return json;
  }

  private static String time(Optional<Instant> at) {
    return at.map(Instant::toString).orElse(null);
  }
}
