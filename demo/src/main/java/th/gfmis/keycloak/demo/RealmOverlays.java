package th.gfmis.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Demo-only additions to the realm export ({@code realm-export/demo/*.json}): each overlay names
 * its realm and lists clients and users that only a demo needs (the demo application's {@code
 * gfmis-demo}, the demo approver of the registrations queue), so that the production export never
 * carries them.
 */
final class RealmOverlays {

  private final List<JsonNode> overlays;

  RealmOverlays(List<JsonNode> overlays) {
    this.overlays = List.copyOf(overlays);
  }

  /**
   * Adds the clients and users of every overlay for {@code realm} that the realm does not have yet.
   *
   * @return whether anything was added
   */
  boolean apply(ObjectNode realm) {
    boolean changed = false;
    String name = realm.path("realm").asText();
    for (JsonNode overlay : overlays) {
      if (!name.equals(overlay.path("realm").asText())) {
        continue;
      }
      changed |= addMissing(realm, overlay, "clients", "clientId");
      changed |= addMissing(realm, overlay, "users", "username");
    }
    return changed;
  }

  private static boolean addMissing(ObjectNode realm, JsonNode overlay, String list, String key) {
    if (!overlay.path(list).isArray()) {
      return false;
    }
    boolean changed = false;
    ArrayNode existing = realm.get(list) instanceof ArrayNode array ? array : realm.putArray(list);
    for (JsonNode entry : overlay.get(list)) {
      if (!has(existing, key, entry.path(key).asText())) {
        existing.add(entry.deepCopy());
        changed = true;
      }
    }
    return changed;
  }

  private static boolean has(ArrayNode entries, String key, String value) {
    for (JsonNode entry : entries) {
      if (value.equals(entry.path(key).asText())) {
        return true;
      }
    }
    return false;
  }
}
