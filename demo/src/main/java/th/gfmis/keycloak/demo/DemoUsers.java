package th.gfmis.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the users of a realm export for the banner. Service-account users are left out. */
final class DemoUsers {
  static final String DEMO_CID_ATTRIBUTE = "gfmis.demo.cid";

  private DemoUsers() {}

  static List<DemoUser> of(JsonNode realmExport) {
    String realm = realmExport.path("realm").asText("");
    List<DemoUser> users = new ArrayList<>();
    for (JsonNode user : realmExport.path("users")) {
      if (user.hasNonNull("serviceAccountClientId") || !user.hasNonNull("username")) {
        continue;
      }
      users.add(
          new DemoUser(
              realm,
              user.get("username").asText(),
              user.path("email").asText(""),
              firstValue(user.path("attributes").path(DEMO_CID_ATTRIBUTE))));
    }
    return users;
  }

  /** Keycloak exports attributes as arrays of strings; older files sometimes as one string. */
  private static String firstValue(JsonNode attribute) {
    if (attribute.isArray()) {
      return attribute.isEmpty() ? "" : attribute.get(0).asText("");
    }
    return attribute.isValueNode() ? attribute.asText("") : "";
  }
}
