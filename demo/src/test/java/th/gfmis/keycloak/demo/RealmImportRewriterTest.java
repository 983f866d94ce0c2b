package th.gfmis.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealmImportRewriterTest {
  private final ObjectMapper json = new ObjectMapper();

  private ObjectNode realm(String text) throws Exception {
    return (ObjectNode) json.readTree(text.replace('\'', '"'));
  }

  @Test
  void defaultPortsLeaveTheRealmAsItIs() throws Exception {
    ObjectNode realm =
        realm(
            "{'realm':'gfmis','smtpServer':{'host':'localhost','port':'3025'},"
                + "'clients':[{'redirectUris':['http://localhost:8025/app/callback']}]}");
    ObjectNode before = realm.deepCopy();
    RealmImportRewriter rewriter =
        RealmImportRewriter.forSettings(new DemoSettings(8080, 9000, 3025, 8025, false));
    assertFalse(rewriter.rewrite(realm));
    assertEquals(before, realm);
  }

  @Test
  void smtpPortFollowsTheMailCatcherKeepingItsJsonType() throws Exception {
    RealmImportRewriter rewriter = new RealmImportRewriter(3125, Map.of());
    ObjectNode asText = realm("{'smtpServer':{'host':'localhost','port':'3025','from':'a@b'}}");
    assertTrue(rewriter.rewrite(asText));
    assertEquals("3125", asText.get("smtpServer").get("port").textValue());
    assertEquals("localhost", asText.get("smtpServer").get("host").textValue());

    ObjectNode asNumber = realm("{'smtpServer':{'port':3025}}");
    assertTrue(rewriter.rewrite(asNumber));
    assertEquals(3125, asNumber.get("smtpServer").get("port").intValue());

    ObjectNode none = realm("{'realm':'thaid-mock'}");
    assertFalse(rewriter.rewrite(none));
    assertFalse(none.has("smtpServer"));
  }

  @Test
  void localhostUrlsMoveWithTheirPortsEverywhereInTheTree() throws Exception {
    ObjectNode realm =
        realm(
            "{'smtpServer':{'port':'3025'},'clients':[{'clientId':'gfmis-demo',"
                + "'redirectUris':['http://localhost:8025/app/callback','http://localhost:80250/x'],"
                + "'attributes':{'post.logout.redirect.uris':'http://localhost:8025/app'}}],"
                + "'identityProviders':[{'config':{'authorizationUrl':"
                + "'http://localhost:8080/realms/thaid-mock/protocol/openid-connect/auth'}}],"
                + "'note':'http://localhost:9999/stays'}");
    RealmImportRewriter rewriter =
        RealmImportRewriter.forSettings(new DemoSettings(8180, 9100, 3025, 8125, false));
    assertTrue(rewriter.rewrite(realm));
    assertEquals(
        "http://localhost:8125/app/callback", realm.at("/clients/0/redirectUris/0").textValue());
    assertEquals("http://localhost:80250/x", realm.at("/clients/0/redirectUris/1").textValue());
    assertEquals(
        "http://localhost:8125/app",
        realm.at("/clients/0/attributes/post.logout.redirect.uris").textValue());
    assertEquals(
        "http://localhost:8180/realms/thaid-mock/protocol/openid-connect/auth",
        realm.at("/identityProviders/0/config/authorizationUrl").textValue());
    assertEquals("http://localhost:9999/stays", realm.get("note").textValue());
    assertEquals("3025", realm.at("/smtpServer/port").textValue());
  }

  @Test
  void swappedPortsAreMovedInOnePass() {
    RealmImportRewriter rewriter = new RealmImportRewriter(3025, Map.of(8080, 8025, 8025, 8080));
    assertEquals(
        "http://localhost:8025/a http://localhost:8080/b",
        rewriter.moveUrls("http://localhost:8080/a http://localhost:8025/b"));
  }
}
