package th.gfmis.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adapts a realm export to the ports of this run before Keycloak imports it.
 *
 * <p>The files in {@code realm-export/} are written for the default ports: SMTP on localhost:3025,
 * Keycloak on http://localhost:8080, the demo app on http://localhost:8025. When a user picks other
 * ports, the realm's {@code smtpServer.port} follows the mail catcher, and every string value that
 * holds one of the default localhost URLs (redirect URIs, web origins, identity-provider endpoints)
 * follows the new port.
 */
final class RealmImportRewriter {
  private static final Pattern LOCALHOST_URL =
      Pattern.compile("http://localhost:(\\d{1,5})(?!\\d)");

  private final int smtpPort;
  private final Map<Integer, Integer> movedPorts;

  RealmImportRewriter(int smtpPort, Map<Integer, Integer> movedPorts) {
    this.smtpPort = smtpPort;
    this.movedPorts = Map.copyOf(movedPorts);
  }

  static RealmImportRewriter forSettings(DemoSettings settings) {
    Map<Integer, Integer> moved = new LinkedHashMap<>();
    if (settings.httpPort() != DemoSettings.DEFAULT_HTTP_PORT) {
      moved.put(DemoSettings.DEFAULT_HTTP_PORT, settings.httpPort());
    }
    if (settings.webPort() != DemoSettings.DEFAULT_WEB_PORT) {
      moved.put(DemoSettings.DEFAULT_WEB_PORT, settings.webPort());
    }
    return new RealmImportRewriter(settings.smtpPort(), moved);
  }

  /**
   * Rewrites {@code realm} in place.
   *
   * @return whether anything changed
   */
  boolean rewrite(ObjectNode realm) {
    boolean changed = rewriteSmtpPort(realm);
    if (!movedPorts.isEmpty()) {
      changed |= rewriteUrls(realm);
    }
    return changed;
  }

  private boolean rewriteSmtpPort(ObjectNode realm) {
    if (!(realm.get("smtpServer") instanceof ObjectNode smtp) || !smtp.has("port")) {
      return false;
    }
    JsonNode port = smtp.get("port");
    if (port.asText().equals(Integer.toString(smtpPort))) {
      return false;
    }
    // Keycloak exports the SMTP settings as strings; keep whichever type the file uses.
    smtp.set(
        "port",
        port.isNumber() ? IntNode.valueOf(smtpPort) : TextNode.valueOf(Integer.toString(smtpPort)));
    return true;
  }

  private boolean rewriteUrls(JsonNode node) {
    boolean changed = false;
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode child = object.get(name);
        if (child.isTextual()) {
          String moved = moveUrls(child.textValue());
          if (!moved.equals(child.textValue())) {
            object.put(name, moved);
            changed = true;
          }
        } else {
          changed |= rewriteUrls(child);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode child = array.get(i);
        if (child.isTextual()) {
          String moved = moveUrls(child.textValue());
          if (!moved.equals(child.textValue())) {
            array.set(i, TextNode.valueOf(moved));
            changed = true;
          }
        } else {
          changed |= rewriteUrls(child);
        }
      }
    }
    return changed;
  }

  /** Moves every default localhost URL in {@code text} to its port of this run, in one pass. */
  String moveUrls(String text) {
    Matcher matcher = LOCALHOST_URL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Integer to = movedPorts.get(Integer.valueOf(matcher.group(1)));
      String replacement = to == null ? matcher.group() : "http://localhost:" + to;
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
