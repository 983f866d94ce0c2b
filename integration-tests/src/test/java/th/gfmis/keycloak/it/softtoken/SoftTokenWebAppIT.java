package th.gfmis.keycloak.it.softtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.it.support.PhoneBrowser;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.it.support.pages.GetCertificatePage;
import th.gfmis.keycloak.it.support.pages.SoftTokenResultPage;

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

  /**
   * Records every request the app sends from the start of each document (method and URL, and the
   * answer of {@code GET challenges}), to see whether it listed before it answered.
   */
  private static final String RECORD_FETCHES =
      """
      window.gfmisFetches = [];
      const originalFetch = window.fetch;
      window.fetch = function (url, init) {
        const entry = {url: String(url), method: (init && init.method) || 'GET', body: null};
        window.gfmisFetches.push(entry);
        return originalFetch.apply(window, arguments).then((r) => {
          if (entry.url.endsWith('/challenges')) r.clone().text().then((t) => (entry.body = t));
          return r;
        });
      };
      """;

  /** The requests the app sent so far in this document: "METHOD url" per line. */
  private static String fetches(PhoneBrowser phone) {
    return (String)
        phone.runAsync(
            "arguments[arguments.length - 1]((window.gfmisFetches || [])"
                + ".map(f => f.method + ' ' + f.url).join('\\n'));");
  }

  /** The first request about challenges (a listing or an answer) the app sent in this document. */
  private static String firstChallengeRequest(PhoneBrowser phone) {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    do {
      for (String line : fetches(phone).split("\n")) {
        if (line.contains("/challenges")) {
          return line;
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    } while (System.nanoTime() < end);
    return null;
  }

  /** The notifications the app's service worker shows: "title|body|link" per line. */
  private static final String SHOWN_NOTIFICATIONS =
      """
      const done = arguments[arguments.length - 1];
      navigator.serviceWorker.ready
        .then(r => r.getNotifications())
        .then(ns => done(ns.map(n => n.title + '|' + n.body + '|' + (n.data && n.data.url)).join('\\n')))
        .catch(e => done('failed ' + e));
      """;

  /**
   * The notifications the phone's service worker shows (title|body|link per line) once {@code
   * wanted} accepts them, or null when it has not within {@code wait}.
   */
  private static String shownNotifications(
      PhoneBrowser phone, Predicate<String> wanted, Duration wait) {
    long end = System.nanoTime() + wait.toNanos();
    do {
      Object notes = phone.runAsync(SHOWN_NOTIFICATIONS);
      if (notes instanceof String text && !text.startsWith("failed ") && wanted.test(text)) {
        return text;
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    } while (System.nanoTime() < end);
    return null;
  }

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

  /** The app PIN of the test holder (a value that cannot appear by chance in a hash or a JWS). */
  private static final String PIN = "480913";

  /** Records every request the app sends (URL, headers, body), to look for the PIN. */
  private static final String CAPTURE_REQUESTS =
      """
      window.gfmisRequests = [];
      const originalFetch = window.fetch;
      window.fetch = function (url, init) {
        window.gfmisRequests.push(String(url) + ' ' + JSON.stringify(init || {}));
        return originalFetch.apply(window, arguments);
      };
      arguments[arguments.length - 1]();
      """;

  private static final String STORED_DEVICE_TEXT =
      """
      const done = arguments[arguments.length - 1];
      const open = indexedDB.open('gfmis-softtoken');
      open.onsuccess = () => {
        const get = open.result.transaction('device').objectStore('device').get('current');
        get.onsuccess = () => {
          const d = get.result;
          if (!d) { done(null); return; }
          const hex = (b) => Array.from(new Uint8Array(b)).map(x => x.toString(16)).join('');
          const text = new TextDecoder('latin1');
          done(JSON.stringify(d) + ' ' + d.guard.kind + ' failures=' + d.guard.failures + ' '
            + hex(d.guard.hash) + ' ' + text.decode(d.guard.hash) + ' ' + text.decode(d.guard.salt));
        };
      };
      """;

  @Test
  void thePinGuardsApprovalNeverLeavesThePhoneAndFiveWrongPinsDeleteTheKey() throws Exception {
    Holder holder = newHolder();
    Pages pages = pages();
    SoftTokenSteps steps = new SoftTokenSteps(pages);
    try (PhoneBrowser phone = new PhoneBrowser()) {
      enrollWithTheApp(phone, holder, "Web phone");
      phone.await("#device");
      assertEquals("App PIN", phone.driver().findElement(By.id("guard")).getText());
      String stored = (String) phone.runAsync(STORED_DEVICE_TEXT);
      assertTrue(stored.contains(" pin failures=0 "), stored);
      assertFalse(stored.contains(PIN), "the PIN is not stored, only its salted hash");
      phone.runAsync(CAPTURE_REQUESTS);

      // A wrong PIN sends nothing; the right one approves.
      GfmisClient gfmis = signInToGfmis(holder);
      int number = steps.shownNumber();
      phone.await("li.challenge button.number[data-number='" + number + "']").click();
      enterPin(phone, "135792");
      assertEquals(
          "Wrong PIN. 4 tries left; after that the Soft Token on this phone is deleted.",
          phone.awaitText("pin-error"));
      assertTrue(((String) phone.runAsync(STORED_DEVICE_TEXT)).contains(" failures=1 "));
      phone.driver().findElement(By.id("pin-cancel")).click();
      awaitMessage(phone, "Not confirmed: nothing was sent.");
      phone.await("li.challenge button.number[data-number='" + number + "']").click();
      enterPin(phone, PIN);
      awaitMessage(phone, "Approved");
      gfmis.exchange(pages.awaitCallback());
      assertTrue(((String) phone.runAsync(STORED_DEVICE_TEXT)).contains(" failures=0 "));

      // Five wrong PINs in a row: the Soft Token is cancelled and the key deleted.
      signInToGfmis(holder);
      number = steps.shownNumber();
      phone.await("li.challenge button.number[data-number='" + number + "']").click();
      for (int i = 1; i <= 5; i++) {
        enterPin(phone, "97531" + i);
        if (i < 5) {
          new WebDriverWait(phone.driver(), Duration.ofSeconds(30))
              .until(
                  ExpectedConditions.textToBe(
                      By.id("pin-error"),
                      "Wrong PIN. "
                          + (5 - i)
                          + " tries left; after that the Soft Token on this phone is deleted."));
        }
      }
      new WebDriverWait(phone.driver(), Duration.ofSeconds(30))
          .until(
              ExpectedConditions.textMatches(
                  By.id("error"),
                  java.util.regex.Pattern.compile("^Wrong PIN 5 times: the Soft Token key.*")));
      phone.await("#not-registered");
      phone.check();
      assertEquals("no device", phone.runAsync(EXPORT_PRIVATE_KEY));
      String userId = realm.admin().users().search(holder.username(), true).get(0).getId();
      assertTrue(
          realm.admin().users().get(userId).credentials().stream()
              .noneMatch(c -> "gfmis-softtoken".equals(c.getType())),
          "the certificate was cancelled");
      @SuppressWarnings("unchecked")
      List<String> sent =
          (List<String>)
              ((JavascriptExecutor) phone.driver()).executeScript("return window.gfmisRequests;");
      assertFalse(sent.isEmpty());
      for (String request : sent) {
        assertFalse(request.contains(PIN), "the PIN never leaves the phone: " + request);
      }
    }
  }

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
      screenshotInThai(phone, "approve-th");
      right = phone.await("li.challenge button.number[data-number='" + number + "']");
      right.click();
      enterPin(phone, PIN);
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
      enterPin(phone, PIN);
      assertEquals(
          "Wrong number: the sign-in was refused. Start the sign-in again.",
          phone.awaitText("error"));
      assertEquals("wrong_number", steps.awaitResult());

      // Deny: the computer's sign-in ends as denied.
      new SoftTokenResultPage(pages).retry();
      steps.shownNumber();
      phone.await("li.challenge button.deny").click();
      awaitMessage(phone, "Denied");
      assertEquals("denied", steps.awaitResult());

      // Revoke from the app: the user has no Soft Token any more, the app forgets its key.
      phone.driver().findElement(By.id("revoke")).click();
      new WebDriverWait(phone.driver(), Duration.ofSeconds(10))
          .until(ExpectedConditions.alertIsPresent())
          .accept();
      enterPin(phone, PIN);
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
        enterPin(phone, PIN);
        assertEquals(
            "Wrong number: the sign-in was refused. Start the sign-in again.",
            phone.awaitText("error"));
        assertEquals("wrong_number", steps.awaitResult());

        new SoftTokenResultPage(pages).retry();
        int number = steps.shownNumber();
        phone.await("li.challenge input.typed-number").sendKeys(String.valueOf(number));
        screenshot(phone, "type-en");
        phone.driver().findElement(By.cssSelector("li.challenge button.approve")).click();
        enterPin(phone, PIN);
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
    // Installability as Lighthouse checks it: names, start URL in scope, colours, and each icon
    // served with its type and, for PNG, the pixel size the manifest claims.
    for (String member :
        List.of("name", "short_name", "start_url", "scope", "theme_color", "background_color")) {
      assertFalse(json.path(member).asText().isBlank(), "manifest member " + member);
    }
    URI scope = URI.create(app).resolve(json.get("scope").asText());
    assertTrue(
        URI.create(app)
            .resolve(json.get("start_url").asText())
            .toString()
            .startsWith(scope.toString()),
        "start_url inside scope");
    for (JsonNode icon : json.get("icons")) {
      HttpResponse<byte[]> image =
          http.send(
              HttpRequest.newBuilder(URI.create(app).resolve(icon.get("src").asText()))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, image.statusCode(), icon.toString());
      assertEquals(
          icon.get("type").asText(), image.headers().firstValue("Content-Type").orElseThrow());
      if ("image/png".equals(icon.get("type").asText())) {
        java.awt.image.BufferedImage png =
            javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image.body()));
        assertEquals(icon.get("sizes").asText(), png.getWidth() + "x" + png.getHeight());
      }
    }
    assertTrue(page.body().contains("name=\"viewport\""), "a viewport for small screens");
    assertTrue(page.body().contains("name=\"theme-color\""));

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
   * Web Push on the phone's side. Headless Chromium here reaches no push service, so the app cannot
   * get a real subscription; instead Chromium's DevTools protocol ({@code
   * ServiceWorker.deliverPushMessage}) hands the service worker the message the server sends
   * (SoftTokenWebPushIT checks that message on the wire): the challenge id and the challenge as
   * listed. The worker shows the notification, whose link opens the app, which shows the pushed
   * request at once and approves it without listing first. A push whose challenge is malformed
   * opens the app, which lists as before.
   */
  @Test
  void aPushMessageShowsANotificationThatOpensTheApproval() throws Exception {
    Holder holder = newHolder();
    SoftTokenSteps steps = new SoftTokenSteps(pages());
    try (PhoneBrowser phone = new PhoneBrowser()) {
      enrollWithTheApp(phone, holder, "Web phone");
      phone.await("#device");
      // The server sends Web Push: the device screen offers notifications (off until allowed).
      assertEquals("Off: open the app to see requests", phone.awaitText("push-state"));
      assertEquals(
          "Turn on notifications", phone.driver().findElement(By.id("push-toggle")).getText());
      phone.check();

      URI app = URI.create(phone.driver().getCurrentUrl());
      String origin = app.getScheme() + "://" + app.getAuthority();
      HasCdp cdp = (HasCdp) phone.driver();
      cdp.executeCdpCommand(
          "Browser.grantPermissions",
          Map.of("origin", origin, "permissions", List.of("notifications")));
      phone.runAsync(
          "navigator.serviceWorker.ready.then(() => arguments[arguments.length - 1]());");
      cdp.executeCdpCommand(
          "Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_FETCHES));
      phone.open(app.toString());

      GfmisClient gfmis = signInToGfmis(holder);
      int number = steps.shownNumber();
      String challengeId = phone.await("li.challenge").getAttribute("data-id");
      // The message the server pushes: the id and the challenge as the app listed it.
      String listed =
          (String)
              phone.runAsync(
                  """
                  const done = arguments[arguments.length - 1];
                  const end = Date.now() + 5000;
                  (function look() {
                    const f = window.gfmisFetches
                      .filter((f) => f.body && f.url.endsWith('/challenges')).pop();
                    if (f || Date.now() > end) done(f ? f.body : null);
                    else setTimeout(look, 100);
                  })();
                  """);
      JsonNode challenge = null;
      for (JsonNode c : JsonSerialization.readValue(listed, JsonNode.class).get("challenges")) {
        if (c.get("id").asText().equals(challengeId)) {
          challenge = c;
        }
      }
      assertTrue(challenge != null, listed);
      String data = "{\"challengeId\":\"" + challengeId + "\",\"challenge\":" + challenge + "}";
      // The registration id is the browser's own (a fresh profile numbers them from 0), and
      // DevTools may accept a message for an id without a worker behind it: try each id, twice
      // over in case the worker was not yet known, until a notification shows.
      cdp.executeCdpCommand("ServiceWorker.enable", Map.of());
      String registrationId = null;
      String shown = null;
      String refusal = "";
      for (int attempt = 0; attempt < 20 && shown == null; attempt++) {
        String id = String.valueOf(attempt % 10);
        try {
          cdp.executeCdpCommand(
              "ServiceWorker.deliverPushMessage",
              Map.of("origin", origin, "registrationId", id, "data", data));
        } catch (RuntimeException e) {
          refusal = e.getMessage();
          continue;
        }
        shown = shownNotifications(phone, text -> !text.isEmpty(), Duration.ofSeconds(4));
        registrationId = id;
      }
      assertTrue(
          shown != null, "a pushed message showed a notification; DevTools said: " + refusal);
      assertEquals(
          "GFMIS Soft Token|มีคำขอเข้าสู่ระบบรอการอนุมัติ · A sign-in is waiting for your approval|"
              + app.resolve("./").toString()
              + "#challenge="
              + challengeId,
          shown);

      // What a tap on the notification opens: the app, with the pushed request to approve at once,
      // answered without listing first.
      phone.driver().navigate().to("about:blank");
      phone.open(app.resolve("./") + "#challenge=" + challengeId);
      assertTrue(phone.driver().getCurrentUrl().endsWith("/app/"), "the hash is removed");
      phone
          .await(
              "li.challenge[data-id='"
                  + challengeId
                  + "'] button.number[data-number='"
                  + number
                  + "']")
          .click();
      enterPin(phone, PIN);
      awaitMessage(phone, "Approved");
      String answeredFirst = firstChallengeRequest(phone);
      assertEquals(
          "POST " + app.resolve("../challenges/" + challengeId + "/response"),
          answeredFirst,
          "the app answered the pushed challenge before any listing: " + fetches(phone));
      JsonNode tokens = gfmis.exchange(pages().awaitCallback());
      assertEquals(
          "gfmis-softtoken",
          GfmisClient.claims(tokens.get("id_token").asText()).get("acr").asText());

      // A push with anything but a challenge id still shows only the fixed text, no link to it.
      cdp.executeCdpCommand(
          "ServiceWorker.deliverPushMessage",
          Map.of("origin", origin, "registrationId", registrationId, "data", "<b>forged</b>"));
      String forged =
          shownNotifications(phone, text -> !text.contains("#challenge="), Duration.ofSeconds(20));
      assertTrue(forged != null, "the forged push showed the fixed notification");
      assertTrue(forged.endsWith("|" + app.resolve("./")), forged);

      // A push whose challenge is malformed (a nonce too short): the notification opens the app,
      // which lists the pending requests first, as always.
      String otherId = "AAAAAAAAAAAAAAAAAAAAAA";
      cdp.executeCdpCommand(
          "ServiceWorker.deliverPushMessage",
          Map.of(
              "origin",
              origin,
              "registrationId",
              registrationId,
              "data",
              data.replace(challengeId, otherId)
                  .replace(challenge.get("nonce").asText(), "short")));
      assertTrue(
          shownNotifications(phone, text -> text.contains(otherId), Duration.ofSeconds(20)) != null,
          "the push with a malformed challenge showed the notification");
      phone.driver().navigate().to("about:blank");
      phone.open(app.resolve("./") + "#challenge=" + otherId);
      assertEquals(
          "GET " + app.resolve("../challenges"),
          firstChallengeRequest(phone),
          "the app listed: " + fetches(phone));
    }
  }

  /**
   * The phone's screen lock: Chromium's virtual authenticator (internal transport, user
   * verification) plays the platform authenticator. Registration chooses it over the PIN; an
   * approval goes through only when the authenticator reports the holder verified.
   */
  @Test
  void theScreenLockGuardsApprovalThroughWebAuthnUserVerification() throws Exception {
    Holder holder = newHolder();
    Pages pages = pages();
    SoftTokenSteps steps = new SoftTokenSteps(pages);
    try (PhoneBrowser phone = new PhoneBrowser()) {
      VirtualAuthenticator screenLock =
          ((HasVirtualAuthenticator) phone.driver())
              .addVirtualAuthenticator(
                  new VirtualAuthenticatorOptions()
                      .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                      .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                      .setHasResidentKey(true)
                      .setHasUserVerification(true)
                      .setIsUserVerified(true)
                      .setIsUserConsenting(true));
      GfmisClient gfmis = signInToGfmis(holder);
      String qr = steps.readQrCode();
      phone.open(qr);
      WebElement name = phone.await("#device-name");
      assertEquals(
          "webauthn", phone.driver().findElement(By.tagName("body")).getAttribute("data-guard"));
      assertFalse(phone.driver().findElement(By.id("pin-fields")).isDisplayed(), "no PIN asked");
      phone.check();
      name.clear();
      name.sendKeys("Screen lock phone");
      phone.driver().findElement(By.id("register")).click();
      GetCertificatePage certificate = new GetCertificatePage(pages);
      certificate.awaitDeviceName();
      certificate.continueOn();
      gfmis.exchange(pages.awaitCallback());
      assertEquals(1, screenLock.getCredentials().size(), "a platform credential was made");
      phone.await("#device");
      assertEquals("The phone's screen lock", phone.awaitText("guard"));

      // The holder is verified by the screen lock: approval without any PIN dialog.
      gfmis = signInToGfmis(holder);
      int number = steps.shownNumber();
      phone.await("li.challenge button.number[data-number='" + number + "']").click();
      awaitMessage(phone, "Approved");
      assertFalse(phone.driver().findElement(By.id("pin-dialog")).isDisplayed());
      gfmis.exchange(pages.awaitCallback());

      // The screen lock fails (not the holder): nothing is sent, the computer still waits.
      screenLock.setUserVerified(false);
      signInToGfmis(holder);
      number = steps.shownNumber();
      phone.await("li.challenge button.number[data-number='" + number + "']").click();
      awaitMessage(phone, "Not confirmed: nothing was sent.");
      assertTrue(
          phone.driver().findElements(By.cssSelector("li.challenge")).size() == 1,
          "the request is still there to answer");
      // Verified again: the same request approves.
      screenLock.setUserVerified(true);
      phone.await("li.challenge button.number[data-number='" + number + "']").click();
      awaitMessage(phone, "Approved");
      pages.awaitCallback();
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
    GetCertificatePage certificate = new GetCertificatePage(pages);
    String qr = certificate.readQrCode();
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
    // Headless Chromium has no platform authenticator: the app asks for its own PIN.
    assertEquals("pin", phone.driver().findElement(By.tagName("body")).getAttribute("data-guard"));
    phone.driver().findElement(By.id("pin")).sendKeys(PIN);
    phone.driver().findElement(By.id("pin-again")).sendKeys(PIN);
    screenshotInThai(phone, "enroll-th");
    phone.driver().findElement(By.id("register")).click();
    assertEquals(deviceName, certificate.awaitDeviceName());
    certificate.continueOn();
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

  /**
   * Switches the app to Thai, checks that screen (axe, {@code lang}), saves it as {@code
   * target/screenshots/softtoken-app-<name>.png} for the docs, and switches back to English.
   */
  private static void screenshotInThai(PhoneBrowser phone, String name) throws IOException {
    phone.driver().findElement(By.id("lang")).click();
    assertEquals("th", phone.driver().findElement(By.tagName("html")).getAttribute("lang"));
    phone.check();
    screenshot(phone, name);
    phone.driver().findElement(By.id("lang")).click();
    assertEquals("en", phone.driver().findElement(By.tagName("html")).getAttribute("lang"));
  }

  private static void screenshot(PhoneBrowser phone, String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(
        dir.resolve("softtoken-app-" + name + ".png"),
        ((TakesScreenshot) phone.driver()).getScreenshotAs(OutputType.BYTES));
  }

  /** The app's PIN dialog: types the PIN and confirms. */
  private static void enterPin(PhoneBrowser phone, String pin) {
    WebElement entry = phone.await("#pin-entry");
    phone.check();
    entry.sendKeys(pin);
    phone.driver().findElement(By.id("pin-ok")).click();
  }

  private static void awaitMessage(PhoneBrowser phone, String text) {
    new WebDriverWait(phone.driver(), Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBe(By.id("message"), text));
  }
}
