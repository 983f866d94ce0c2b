package th.gfmis.keycloak.softtoken.server.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebPushSettingsTest {

  private static final WebPushSettings DEFAULTS =
      new WebPushSettings(
          WebPushSettings.parseHosts(WebPushSettings.DEFAULT_HOSTS), false, null, Duration.ZERO);

  @Test
  void theBrowsersPushServicesAreAllowedOverHttps() {
    assertTrue(DEFAULTS.allows(URI.create("https://fcm.googleapis.com/fcm/send/abc")));
    assertTrue(DEFAULTS.allows(URI.create("https://updates.push.services.mozilla.com/wpush/v2/x")));
    assertTrue(DEFAULTS.allows(URI.create("https://web.push.apple.com/QGx")));
    assertTrue(DEFAULTS.allows(URI.create("https://wns2-by3p.notify.windows.com/w/?token=x")));
    assertTrue(DEFAULTS.allows(URI.create("https://FCM.GoogleAPIs.com/fcm/send/abc")));
  }

  @Test
  void anythingElseIsRefusedSoTheServerCannotBeMadeToCallIt() {
    for (String endpoint :
        List.of(
            "http://fcm.googleapis.com/fcm/send/abc",
            "https://127.0.0.1/push",
            "https://localhost/push",
            "https://[::1]/push",
            "https://10.0.0.5/push",
            "https://169.254.169.254/latest/meta-data",
            "https://192.168.1.1/push",
            "https://sso.gfmis.example/realms/gfmis",
            "https://fcm.googleapis.com.attacker.example/x",
            "https://evilfcm.googleapis.com.example/x",
            "https://notfcm.googleapis.com@attacker.example/x",
            "https://fcm.googleapis.com./x")) {
      assertFalse(DEFAULTS.allows(URI.create(endpoint)), endpoint);
    }
  }

  @Test
  void anOperatorMayAllowALocalEndpointForTests() {
    WebPushSettings local =
        new WebPushSettings(WebPushSettings.parseHosts(" 127.0.0.1 , "), true, null, Duration.ZERO);
    assertEquals(List.of("127.0.0.1"), local.hosts());
    assertTrue(local.allows(URI.create("http://127.0.0.1:8123/push/1")));
    assertTrue(local.allows(URI.create("https://127.0.0.1:8123/push/1")));
    assertFalse(local.allows(URI.create("http://127.0.0.2/push/1")));
    assertFalse(local.allows(URI.create("http://fcm.googleapis.com/x")));
    WebPushSettings httpsOnly =
        new WebPushSettings(List.of("127.0.0.1"), false, null, Duration.ZERO);
    assertFalse(httpsOnly.allows(URI.create("http://127.0.0.1:8123/push/1")));
  }
}
