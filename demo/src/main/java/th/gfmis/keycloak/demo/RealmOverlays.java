package th.gfmis.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Demo-only additions to the realm export ({@code realm-export/demo/*.json}): each overlay names
 * its realm and lists clients that only a demo needs (the demo application's {@code gfmis-demo}),
 * so that the production export never carries them.
 */
final class RealmOverlays {

  private final List<JsonNode> overlays;

  RealmOverlays(List<JsonNode> overlays) {
    this.overlays = List.copyOf(overlays);
  }

  /**
   * Adds the clients of every overlay for {@code realm} that the realm does not have yet.
   *
   * @return whether anything was added
   */
  boolean apply(ObjectNode realm) {
    boolean changed = false;
    String name = realm.path("realm").asText();
    for (JsonNode overlay : overlays) {
      if (!name.equals(overlay.path("realm").asText()) || !overlay.path("clients").isArray()) {
        continue;
      }
      ArrayNode clients =
          realm.get("clients") instanceof ArrayNode existing ? existing : realm.putArray("clients");
      for (JsonNode client : overlay.get("clients")) {
        if (!hasClient(clients, client.path("clientId").asText())) {
          clients.add(client.deepCopy());
          changed = true;
        }
      }
    }
    return changed;
  }

  private static boolean hasClient(ArrayNode clients, String clientId) {
    for (JsonNode client : clients) {
      if (clientId.equals(client.path("clientId").asText())) {
        return true;
      }
    }
    return false;
  }
}
