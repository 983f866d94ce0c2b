package th.gfmis.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealmOverlaysTest {
  private final ObjectMapper json = new ObjectMapper();

  private JsonNode read(String text) throws Exception {
    return json.readTree(text.replace('\'', '"'));
  }

  private static List<String> clientIds(JsonNode realm) {
    List<String> ids = new ArrayList<>();
    realm.path("clients").forEach(c -> ids.add(c.path("clientId").asText()));
    return ids;
  }

  @Test
  void addsTheOverlayClientsToTheirRealmOnce() throws Exception {
    ObjectNode realm = (ObjectNode) read("{'realm':'gfmis','clients':[{'clientId':'gfmis'}]}");
    RealmOverlays overlays =
        new RealmOverlays(
            List.of(
                read("{'realm':'gfmis','clients':[{'clientId':'gfmis-demo'}]}"),
                read("{'realm':'other','clients':[{'clientId':'elsewhere'}]}")));
    assertTrue(overlays.apply(realm));
    assertEquals(List.of("gfmis", "gfmis-demo"), clientIds(realm));
    assertFalse(overlays.apply(realm), "a client already there is not added twice");
  }

  /** The production export carries no demo client; the demo overlay adds it, then ports move. */
  @Test
  void theProductionExportHasNoDemoClientAndTheDemoAddsIt() throws Exception {
    Path exports = Path.of("..", "realm-export");
    ObjectNode realm = (ObjectNode) json.readTree(exports.resolve("gfmis-realm.json").toFile());
    assertEquals(List.of("gfmis"), clientIds(realm));
    realm
        .path("clients")
        .get(0)
        .path("redirectUris")
        .forEach(
            uri ->
                assertTrue(
                    uri.asText().startsWith("https://"),
                    "no test or demo redirect URI on the production gfmis client: " + uri));
    RealmOverlays overlays =
        new RealmOverlays(
            List.of(json.readTree(exports.resolve("demo/gfmis-demo-client.json").toFile())));
    assertTrue(overlays.apply(realm));
    assertEquals(List.of("gfmis", "gfmis-demo"), clientIds(realm));
    new RealmImportRewriter(3025, Map.of(8025, 18025)).rewrite(realm);
    assertEquals(
        "http://localhost:18025/app/callback",
        realm.path("clients").get(1).path("redirectUris").get(0).asText());
  }

  /** The demo approver of the registrations queue exists in the demo only. */
  @Test
  void theDemoApproverIsAddedOnlyByTheDemoOverlay() throws Exception {
    Path exports = Path.of("..", "realm-export");
    ObjectNode realm = (ObjectNode) json.readTree(exports.resolve("gfmis-realm.json").toFile());
    List<String> before = new ArrayList<>();
    realm.path("users").forEach(u -> before.add(u.path("username").asText()));
    assertFalse(before.contains("cgd-approver"));
    RealmOverlays overlays =
        new RealmOverlays(
            List.of(json.readTree(exports.resolve("demo/gfmis-demo-approver.json").toFile())));
    assertTrue(overlays.apply(realm));
    assertEquals(before.size() + 1, realm.path("users").size());
    assertFalse(overlays.apply(realm), "a user already there is not added twice");
  }
}
