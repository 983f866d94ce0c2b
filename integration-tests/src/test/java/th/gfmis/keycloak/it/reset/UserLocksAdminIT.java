package th.gfmis.keycloak.it.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.RawBrowser;

/**
 * An administrator sees every lock of a user with its kind, subject and time left, and clears them
 * all at once ({@code /admin/realms/{realm}/gfmis/users/{id}/locks}).
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class UserLocksAdminIT extends AbstractResetFlowIT {

  private static final String ATTACKER = "10.66.0.88";

  @Test
  void anAdministratorListsAndClearsTheLocksOfAUser() throws Exception {
    Holder holder = holders.create("en");
    String id = holders.userId(holder);
    RawBrowser attacker = new RawBrowser(ATTACKER);
    String action =
        attacker.openResetForm(new GfmisClient(realm.getBaseUrl()).authorizationUrl("en"));
    for (int miss = 0; miss < 5; miss++) {
      String page = attacker.submitIdentity(action, holder, "wrong" + miss + "@evil.test");
      assertTrue(page.contains("No registered data"), page);
      action = RawBrowser.formAction(page); // each page carries the next session code
    }
    String refused = attacker.submitIdentity(action, holder, "x@evil.test");
    assertTrue(refused.contains("Too many attempts"), refused);
    action = RawBrowser.formAction(refused);

    JsonNode listed = json(holders.locks("GET", id));
    JsonNode lock = listed.get("locks").get(0);
    assertEquals("reset-identify", lock.get("kind").asText(), listed.toString());
    assertEquals(ATTACKER, lock.get("subject").asText());
    long left = lock.get("secondsLeft").asLong();
    assertTrue(left > 800 && left <= 900, "about 15 minutes left: " + left);

    HttpResponse<String> cleared = holders.locks("DELETE", id);
    assertEquals(200, cleared.statusCode(), cleared.body());
    assertTrue(json(cleared).get("cleared").asInt() >= 1, cleared.body());
    assertEquals(0, json(holders.locks("GET", id)).get("locks").size());
    List<AdminEventRepresentation> events = realm.admin().getAdminEvents();
    assertTrue(
        events.stream()
            .anyMatch(
                e ->
                    "DELETE".equals(e.getOperationType())
                        && e.getResourcePath().equals("users/" + id + "/locks")),
        "the clear is an admin event");

    String again = attacker.submitIdentity(action, holder, "again@evil.test");
    assertTrue(again.contains("No registered data"), "misses count from zero again: " + again);
  }

  @Test
  void anUnknownUserIsNotFound() throws Exception {
    assertEquals(404, holders.locks("GET", "no-such-user").statusCode());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JsonSerialization.readValue(response.body(), JsonNode.class);
  }
}
