package th.gfmis.keycloak.it.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.util.JsonSerialization;
import th.gfmis.keycloak.it.support.GfmisRealmConfig;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Holders;

/**
 * How an operator provisions a citizen ID, and that the number can be matched but never read back
 * from the admin API (which is what the admin console shows).
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class CitizenIdAdminIT {

  @InjectRealm(fromJson = GfmisRealmConfig.REALM_JSON, config = GfmisRealmConfig.class)
  ManagedRealm realm;

  @InjectAdminClient Keycloak adminClient;

  @InjectKeycloakUrls KeycloakUrls urls;

  @Test
  void theCitizenIdIsWriteOnlyAndItsChangesAreAdminEvents() throws Exception {
    Holders holders = new Holders(adminClient, realm, urls.getBase());
    Holder holder = holders.create("th");
    String userId = holders.userId(holder);

    UserRepresentation user = realm.admin().users().get(userId).toRepresentation();
    String everything = String.valueOf(user.getAttributes());
    assertFalse(everything.contains(holder.citizenIdDigits()), everything);
    assertFalse(everything.contains("gfmis.cid"), "the hash is not shown either: " + everything);

    HttpResponse<String> shown = holders.getCitizenId(userId);
    assertEquals(200, shown.statusCode());
    String lastFour = holder.citizenIdDigits().substring(9);
    JsonNode body = JsonSerialization.readValue(shown.body(), JsonNode.class);
    assertTrue(body.get("stored").asBoolean());
    assertEquals(lastFour, body.get("lastFour").asText());

    HttpResponse<String> wrongCheckDigit =
        holders.putCitizenId(userId, "{\"citizenId\":\"2-3456-87383-51-1\"}");
    assertEquals(400, wrongCheckDigit.statusCode());
    assertTrue(wrongCheckDigit.body().contains("invalid_citizen_id"));
    assertEquals(400, holders.putCitizenId(userId, "{}").statusCode());
    assertEquals(
        400,
        holders.putCitizenId(userId, "{\"citizenId\":\"" + "9".repeat(5000) + "\"}").statusCode());
    assertEquals(404, holders.getCitizenId("no-such-user").statusCode());

    List<AdminEventRepresentation> events = realm.admin().getAdminEvents();
    assertTrue(
        events.stream().anyMatch(e -> e.getResourcePath().endsWith(userId + "/citizen-id")),
        "setting the CID is an admin event");
    for (AdminEventRepresentation event : events) {
      assertFalse(String.valueOf(event.getRepresentation()).contains(holder.citizenIdDigits()));
    }

    // An administrator editing the user in the console keeps the stored CID.
    user.setFirstName("Renamed");
    realm.admin().users().get(userId).update(user);
    assertTrue(holders.getCitizenId(userId).body().contains(lastFour));
  }
}
