package th.gfmis.keycloak.it.softtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.it.support.PhoneBrowser;
import th.gfmis.keycloak.it.support.SoftTokenSteps;

/**
 * The GFMIS Soft Token web app as the holder's phone: a second headless Chromium opens the
 * activation link of the QR code, enrolls with a non-extractable WebCrypto key, and answers
 * sign-ins of the computer's browser against the real server.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class SoftTokenWebAppIT extends AbstractSoftTokenIT {

  /** Records the challenge answers the app posts, so the test can send one again. */
  private static final String CAPTURE_ANSWERS =
      """
      window.gfmisSent = [];
      const original = window.fetch;
      window.fetch = function (url, init) {
        if (init && init.method === 'POST' && String(url).endsWith('/response')) {
          window.gfmisSent.push({url: String(url), body: init.body});
        }
        return original.apply(window, arguments);
      };
      """;

  private static final String REPLAY_LAST_ANSWER =
      """
      const done = arguments[arguments.length - 1];
      const sent = window.gfmisSent[window.gfmisSent.length - 1];
      fetch(sent.url, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: sent.body})
        .then(r => r.json().then(j => done(r.status + ' ' + j.error)))
        .catch(e => done('failed ' + e));
      """;

  private static final String EXPORT_PRIVATE_KEY =
      """
      const done = arguments[arguments.length - 1];
      const open = indexedDB.open('gfmis-softtoken');
      open.onsuccess = () => {
        const get = open.result.transaction('device').objectStore('device').get('current');
        get.onsuccess = () => {
          if (!get.result) { done('no device'); return; }
          const key = get.result.privateKey;
          crypto.subtle.exportKey('pkcs8', key)
            .then(() => done('exported'), e => done('refused ' + e.name + ' extractable=' + key.extractable));
        };
      };
      open.onerror = () => done('no store');
      """;

  private static final String STORED_SERIAL =
      """
      const done = arguments[arguments.length - 1];
      const open = indexedDB.open('gfmis-softtoken');
      open.onsuccess = () => {
        const get = open.result.transaction('device').objectStore('device').get('current');
        get.onsuccess = () => done(get.result ? get.result.serialNumber : null);
      };
      """;

  @Test
  void enrollThroughTheLinkApproveRefuseAWrongNumberDenyAndRevoke() throws Exception {
    Holder holder = newHolder();
    Pages pages = pages();
    SoftTokenSteps steps = new SoftTokenSteps(pages);
    try (PhoneBrowser phone = new PhoneBrowser()) {
      enrollWithTheApp(phone, holder, "Web phone");

      phone.await("#device");
      assertEquals("Web phone", phone.driver().findElement(By.id("device-name-value")).getText());
      assertEquals(holder.userId(), phone.driver().findElement(By.id("user-id")).getText());
      assertFalse(phone.driver().findElement(By.id("not-after")).getText().isBlank());
      phone.check();

      // The private key cannot leave the browser's key store.
      assertEquals(
          "refused InvalidAccessError extractable=false", phone.runAsync(EXPORT_PRIVATE_KEY));

      // Sign-in approved with the number the computer shows; the same answer again is refused.
      GfmisClient gfmis = signInToGfmis(holder);
      int number = steps.shownNumber();
      WebElement right = phone.await("li.challenge button.number[data-number='" + number + "']");
      assertEquals(
          3, phone.driver().findElements(By.cssSelector("li.challenge button.number")).size());
      assertEquals(
          "gfmis", phone.driver().findElement(By.cssSelector("li.challenge dd.client")).getText());
      phone.check();
      phone.runAsync(CAPTURE_ANSWERS + "arguments[arguments.length - 1]();");
      right.click();
      awaitMessage(phone, "Approved");
      JsonNode tokens = gfmis.exchange(pages.awaitCallback());
      assertEquals(
          "gfmis-softtoken",
          GfmisClient.claims(tokens.get("id_token").asText()).get("acr").asText());
      assertEquals("409 replayed", phone.runAsync(REPLAY_LAST_ANSWER));

      // A wrong number is refused on both screens.
      signInToGfmis(holder);
      int shown = steps.shownNumber();
      WebElement wrong =
          phone.await("li.challenge button.number:not([data-number='" + shown + "'])");
      wrong.click();
      assertEquals(
          "Wrong number: the sign-in was refused. Start the sign-in again.",
          phone.awaitText("error"));
      assertEquals("wrong_number", steps.awaitResult());

      // Deny: the computer's sign-in ends as denied.
      pages.click("gfmis-softtoken-retry");
      steps.shownNumber();
      phone.await("li.challenge button.deny").click();
      awaitMessage(phone, "Denied");
      assertEquals("denied", steps.awaitResult());

      // Revoke from the app: the user has no Soft Token any more, the app forgets its key.
      phone.driver().findElement(By.id("revoke")).click();
      new WebDriverWait(phone.driver(), Duration.ofSeconds(10))
          .until(ExpectedConditions.alertIsPresent())
          .accept();
      awaitMessage(phone, "The Soft Token was cancelled.");
      phone.await("#not-registered");
      phone.check();
      String userId = realm.admin().users().search(holder.username(), true).get(0).getId();
      assertTrue(
          realm.admin().users().get(userId).credentials().stream()
              .noneMatch(c -> "gfmis-softtoken".equals(c.getType())),
          "the device credential is gone");
      assertEquals("no device", phone.runAsync(EXPORT_PRIVATE_KEY));
    }
  }

  @Test
  void typeTheNumberModeInTheApp() throws Exception {
    Holder holder = newHolder();
    Pages pages = pages();
    SoftTokenSteps steps = new SoftTokenSteps(pages);
    try (PhoneBrowser phone = new PhoneBrowser()) {
      enrollWithTheApp(phone, holder, "Web phone");
      phone.await("#device");
      SoftTokenSettings.set(realm, Map.of("numberMatching", "type"));
      try {
        // No numbers to tap: a field for the number the computer shows.
        signInToGfmis(holder);
        int shown = steps.shownNumber();
        WebElement field = phone.await("li.challenge input.typed-number");
        assertTrue(
            phone.driver().findElements(By.cssSelector("li.challenge button.number")).isEmpty());
        phone.check();
        field.sendKeys(String.valueOf(shown == 99 ? 10 : shown + 1));
        phone.driver().findElement(By.cssSelector("li.challenge button.approve")).click();
        assertEquals(
            "Wrong number: the sign-in was refused. Start the sign-in again.",
            phone.awaitText("error"));
        assertEquals("wrong_number", steps.awaitResult());

        pages.click("gfmis-softtoken-retry");
        int number = steps.shownNumber();
        phone.await("li.challenge input.typed-number").sendKeys(String.valueOf(number));
        phone.driver().findElement(By.cssSelector("li.challenge button.approve")).click();
        awaitMessage(phone, "Approved");
        pages.awaitCallback();
      } finally {
        SoftTokenSettings.set(realm, Map.of("numberMatching", "pick"));
      }
    }
  }

  @Test
  void theAppIsServedWithAStrictPolicyAManifestAndAServiceWorker() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String app = realm.getBaseUrl() + "/gfmis-softtoken/app/";
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(app)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    List<String> policies = page.headers().allValues("Content-Security-Policy");
    assertEquals(1, policies.size(), policies.toString());
    String csp = policies.get(0);
    assertTrue(csp.contains("script-src 'self';"), csp);
    assertFalse(
        csp.contains("unsafe-inline") || csp.contains("unsafe-eval") || csp.contains("http"), csp);
    assertFalse(page.body().contains("<script>"), "no inline script");
    assertTrue(page.body().contains("rel=\"manifest\""));

    HttpResponse<String> manifest =
        http.send(
            HttpRequest.newBuilder(URI.create(app + "manifest.webmanifest")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(
        "application/manifest+json", manifest.headers().firstValue("Content-Type").orElseThrow());
    JsonNode json = JsonSerialization.readValue(manifest.body(), JsonNode.class);
    assertEquals("standalone", json.get("display").asText());
    List<String> sizes = json.get("icons").findValuesAsText("sizes");
    assertTrue(sizes.contains("192x192") && sizes.contains("512x512"), sizes.toString());

    for (String other : List.of("app.js.LEGAL.txt", "secret.txt", "..%2Fenroll")) {
      int status =
          http.send(
                  HttpRequest.newBuilder(URI.create(app + other)).GET().build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      assertTrue(status == 404 || status == 400, other + " answered " + status);
    }

    try (PhoneBrowser phone = new PhoneBrowser()) {
      phone.open(realm.getBaseUrl() + "/gfmis-softtoken/app");
      assertTrue(phone.driver().getCurrentUrl().endsWith("/app/"), phone.driver().getCurrentUrl());
      phone.await("#not-registered");
      assertEquals(
          app + "sw.js",
          phone.runAsync(
              "const done = arguments[arguments.length - 1];"
                  + "navigator.serviceWorker.ready.then(r => done(r.active.scriptURL));"));
      // Thai and English.
      phone.driver().findElement(By.id("lang")).click();
      assertEquals("th", phone.driver().findElement(By.tagName("html")).getAttribute("lang"));
      assertEquals(
          "มือถือเครื่องนี้ยังไม่ได้ลงทะเบียน Soft Token",
          phone.driver().findElement(By.id("not-registered-title")).getText());
      phone.check();
    }
  }

  /**
   * Get Certificate: the QR code is an https link that opens the app on the phone; the holder
   * registers there and the computer's page moves on by itself.
   */
  private void enrollWithTheApp(PhoneBrowser phone, Holder holder, String deviceName)
      throws Exception {
    Pages pages = pages();
    GfmisClient gfmis = signInToGfmis(holder);
    String qr = new SoftTokenSteps(pages).readQrCode();
    assertTrue(
        qr.startsWith(realm.getBaseUrl() + "/gfmis-softtoken/activate?code="), "QR code: " + qr);
    phone.open(qr);
    assertTrue(
        phone.driver().getCurrentUrl().endsWith("/gfmis-softtoken/app/"),
        "the code leaves the address bar: " + phone.driver().getCurrentUrl());
    WebElement name = phone.await("#device-name");
    phone.check();
    name.clear();
    name.sendKeys(deviceName);
    phone.driver().findElement(By.id("register")).click();
    pages.awaitShown("gfmis-softtoken-device-name");
    assertEquals(deviceName, pages.text("gfmis-softtoken-device-name"));
    pages.click("gfmis-softtoken-continue");
    gfmis.exchange(pages.awaitCallback());
  }

  @Test
  void theAppRenewsItsCertificateByItselfInTheRenewalWindow() throws Exception {
    Holder holder = newHolder();
    try (PhoneBrowser phone = new PhoneBrowser()) {
      enrollWithTheApp(phone, holder, "Web phone");
      phone.await("#device");
      String before = (String) phone.runAsync(STORED_SERIAL);
      SoftTokenSettings.renewalWindowDays(realm, 730);
      try {
        phone.driver().navigate().refresh();
        phone.awaitReady();
        awaitMessage(phone, "The certificate was renewed.");
      } finally {
        SoftTokenSettings.renewalWindowDays(realm, 30);
      }
      String after = (String) phone.runAsync(STORED_SERIAL);
      assertFalse(after.equals(before), "a new certificate: " + before + " / " + after);
      String userId = realm.admin().users().search(holder.username(), true).get(0).getId();
      String data =
          realm.admin().users().get(userId).credentials().stream()
              .filter(c -> "gfmis-softtoken".equals(c.getType()))
              .findFirst()
              .orElseThrow()
              .getCredentialData();
      assertTrue(data.contains(after), "the credential holds the new serial");
      assertEquals(
          "refused InvalidAccessError extractable=false", phone.runAsync(EXPORT_PRIVATE_KEY));
    }
  }

  private static void awaitMessage(PhoneBrowser phone, String text) {
    new WebDriverWait(phone.driver(), Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBe(By.id("message"), text));
  }
}
