package th.gfmis.keycloak.it.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static th.gfmis.keycloak.it.registration.ApiCaller.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import th.gfmis.keycloak.it.support.GfmisRealmConfig;
import th.gfmis.keycloak.it.support.GfmisServerConfig;

/**
 * The registrations API on the embedded database (H2, as in the demo): the tables exist, the queue
 * answers for an approver, a realm administrator without the role is refused, and bad queries are
 * refused. The decisions themselves are tested on PostgreSQL ({@link
 * RegistrationsAdminPostgresqlIT}).
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class RegistrationsAccessIT {

  @InjectRealm(fromJson = GfmisRealmConfig.REALM_JSON, config = GfmisRealmConfig.class)
  ManagedRealm realm;

  @InjectKeycloakUrls KeycloakUrls urls;

  @Test
  void anApproverSeesTheQueueAndARealmAdministratorDoesNot() throws Exception {
    ApiCaller approver =
        ApiCaller.create(
            realm,
            urls.getBase(),
            "it-h2-approver",
            List.of("gfmis-registration-approver"),
            List.of());
    ApiCaller realmAdmin =
        ApiCaller.create(realm, urls.getBase(), "it-h2-admin", List.of(), List.of("realm-admin"));

    HttpResponse<String> page =
        approver.get("?status=REQUEST&status=REJECT&holderChange=true&userIdPrefix=T0500&q=3518");
    assertEquals(200, page.statusCode(), page.body());
    JsonNode listed = json(page);
    assertEquals(0, listed.get("total").asLong());
    assertTrue(listed.get("items").isEmpty());
    JsonNode counts = json(approver.get("/counts"));
    for (String key : List.of("NEW", "REQUEST", "REJECT", "APPROVED", "holderChanges")) {
      assertEquals(0, counts.get(key).asLong(), counts.toString());
    }
    assertEquals(404, approver.get("/no-such-registration").statusCode());
    assertEquals(
        404, approver.post("/no-such-registration/approve", "{\"version\":1}").statusCode());
    assertEquals(400, approver.get("?status=MAYBE").statusCode());
    assertEquals(400, approver.get("?submittedFrom=yesterday").statusCode());
    assertEquals(400, approver.get("?max=1000").statusCode());

    assertEquals(403, realmAdmin.get("").statusCode());
    assertEquals(403, realmAdmin.get("/counts").statusCode());
    JsonNode access = json(realmAdmin.get("/access"));
    assertFalse(access.get("read").asBoolean(), access.toString());
  }
}
