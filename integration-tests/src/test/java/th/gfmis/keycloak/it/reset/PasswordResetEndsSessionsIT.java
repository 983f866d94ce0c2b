package th.gfmis.keycloak.it.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.UserSessionRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.RealmSettings;
import th.gfmis.keycloak.it.support.pages.ChangePasswordPage;
import th.gfmis.keycloak.it.support.pages.ResetConfirmedPage;

/**
 * Someone who knows a holder's password signed in before the holder noticed, and keeps a refresh
 * token and an offline token. Setting a password through the forgotten-password reset or the forced
 * change must end those sessions (Keycloak's own password update does the same), and the events say
 * how many ended. The sign-ins go through an application registered here, at the password level, in
 * the browser.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class PasswordResetEndsSessionsIT extends AbstractResetFlowIT {

  private static final String APP_REDIRECT = "http://127.0.0.1:8766/sessions/callback";
  private static final String APP_SECRET = "sessions-test-secret";
  private static final String CLOSED_PORT = "1";

  private String appId;
  private String appUuid;

  @BeforeEach
  void registerApplication() {
    ClientRepresentation app = new ClientRepresentation();
    app.setClientId("sessions-app-" + UUID.randomUUID());
    app.setProtocol("openid-connect");
    app.setPublicClient(false);
    app.setSecret(APP_SECRET);
    app.setStandardFlowEnabled(true);
    app.setDirectAccessGrantsEnabled(false);
    app.setRedirectUris(List.of(APP_REDIRECT));
    app.setOptionalClientScopes(List.of("offline_access"));
    app.setAttributes(Map.of("default.acr.values", "gfmis-password"));
    try (Response created = realm.admin().clients().create(app)) {
      appUuid = CreatedResponseUtil.getCreatedId(created);
    }
    appId = app.getClientId();
    settings.authenticatorConfig(
        RealmSettings.RESET_OTP_CONFIG, Map.of("resendCooldownMinutes", "0"));
  }

  @Test
  void theResetAndTheForcedChangeEndTheThiefsSessionsAndOfflineTokens() throws Exception {
    Holder holder = holders.create("th");
    UserResource user = realm.admin().users().get(holders.userId(holder));
    Stolen thief = signInWithPasswordAndKeepTokens(holder);
    assertTrue(sessionIds(user).contains(thief.sessionId()), "the thief is signed in");

    newBrowser();
    steps.openForm("th");
    steps.requestOtp(holder);
    steps.verifyOtp(mailbox.awaitMessage(1).otp());
    steps.requestTemporaryPassword();
    String temporaryPassword = mailbox.awaitMessage(2).temporaryPassword();

    assertFalse(sessionIds(user).contains(thief.sessionId()), "the reset ended the session");
    assertTrue(user.getOfflineSessions(appUuid).isEmpty(), "the reset revoked offline tokens");
    assertRefused(thief.app().refresh(thief.refreshToken()), "thief's refresh token");
    assertRefused(thief.app().refresh(thief.offlineToken()), "thief's offline token");
    EventRepresentation reset = lastEvent("RESET_PASSWORD", "temporary_password_sent", user);
    assertEquals(
        "1", reset.getDetails().get("gfmis_sessions_ended"), reset.getDetails().toString());
    assertEquals(
        "1", reset.getDetails().get("gfmis_offline_sessions_ended"), reset.getDetails().toString());
    assertTrue(
        events("LOGOUT", user).stream().anyMatch(e -> thief.sessionId().equals(e.getSessionId())),
        "a LOGOUT event names the ended session");

    GfmisClient app = app();
    newBrowser();
    pages.open(app.authorizationUrl("th"));
    pages.signIn(holder.userId(), temporaryPassword);
    new ChangePasswordPage(pages).await();
    pages.changePassword("Holder#Own2026x", "Holder#Own2026x");
    JsonNode own = app.exchange(awaitCallback(app));
    assertEquals(
        List.of(sid(own)), sessionIds(user), "only the holder's new session remains afterwards");
    assertEquals(200, app.refresh(own.get("refresh_token").asText()).statusCode());
    assertNoPersonalDataInEvents(user, holder, temporaryPassword, "Holder#Own2026x");
  }

  @Test
  void theForcedChangeKeepsTheCurrentSessionAndEndsTheOthers() throws Exception {
    Holder holder = holders.create("en");
    UserResource user = realm.admin().users().get(holders.userId(holder));
    Stolen other = signInWithPasswordAndKeepTokens(holder);
    UserRepresentation rep = user.toRepresentation();
    rep.setRequiredActions(List.of(RealmSettings.TEMPORARY_PASSWORD_ACTION));
    user.update(rep);

    GfmisClient app = app();
    newBrowser();
    pages.open(app.authorizationUrl("en"));
    pages.signIn(holder.userId(), holder.password());
    new ChangePasswordPage(pages).await();
    pages.changePassword("Holder#Changed2026", "Holder#Changed2026");
    JsonNode current = app.exchange(awaitCallback(app));

    assertEquals(List.of(sid(current)), sessionIds(user), "the current session survives alone");
    assertEquals(200, app.refresh(current.get("refresh_token").asText()).statusCode());
    assertRefused(other.app().refresh(other.refreshToken()), "the other session's refresh token");
    assertRefused(other.app().refresh(other.offlineToken()), "the offline token");
    assertTrue(user.getOfflineSessions(appUuid).isEmpty());
    EventRepresentation change = lastEvent("UPDATE_PASSWORD", "temporary_password_changed", user);
    assertEquals(
        "1", change.getDetails().get("gfmis_sessions_ended"), change.getDetails().toString());
    assertEquals(
        "1",
        change.getDetails().get("gfmis_offline_sessions_ended"),
        change.getDetails().toString());
    assertTrue(
        events("LOGOUT", user).stream().anyMatch(e -> other.sessionId().equals(e.getSessionId())));
    assertTrue(
        events("LOGOUT", user).stream().noneMatch(e -> sid(current).equals(e.getSessionId())),
        "no LOGOUT for the session that changed the password");
  }

  @Test
  void aMailFailureAfterTheWriteChangesNothingAndEndsNoSession() throws Exception {
    Holder holder = holders.create("th");
    UserResource user = realm.admin().users().get(holders.userId(holder));
    Stolen session = signInWithPasswordAndKeepTokens(holder);
    var credentialsBefore = user.credentials();

    newBrowser();
    steps.openForm("th");
    steps.requestOtp(holder);
    steps.verifyOtp(mailbox.awaitMessage(1).otp());
    String smtpPort = settings.smtpPort(CLOSED_PORT);
    try {
      ResetConfirmedPage confirmed = new ResetConfirmedPage(pages);
      confirmed.requestPassword();
      confirmed.await();
      assertTrue(pages.message().contains("ไม่สามารถส่งอีเมลได้"), pages.message());
    } finally {
      settings.smtpPort(smtpPort);
    }
    assertEquals(credentialsBefore, user.credentials(), "the written password was rolled back");
    assertTrue(user.toRepresentation().getRequiredActions().isEmpty(), "no forced change");
    assertTrue(sessionIds(user).contains(session.sessionId()), "no session ended");
    assertEquals(200, session.app().refresh(session.offlineToken()).statusCode());

    // Nothing was sent, so nothing blocks the retry: it sends, and only then sessions end.
    steps.requestTemporaryPassword();
    assertFalse(mailbox.awaitMessage(2).temporaryPassword().isEmpty());
    assertFalse(sessionIds(user).contains(session.sessionId()));
    assertRefused(session.app().refresh(session.offlineToken()), "offline token after the retry");
  }

  @Test
  void aPasswordThePolicyRefusesSendsNothingAndLeavesNoBlock() throws Exception {
    Holder holder = holders.create("en");
    UserResource user = realm.admin().users().get(holders.userId(holder));
    var credentialsBefore = user.credentials();
    newBrowser();
    steps.openForm("en");
    steps.requestOtp(holder);
    steps.verifyOtp(mailbox.awaitMessage(1).otp());
    RealmRepresentation rep = realm.admin().toRepresentation();
    String policy = rep.getPasswordPolicy();
    rep.setPasswordPolicy("regexPattern(^never$)");
    realm.admin().update(rep);
    try {
      ResetConfirmedPage confirmed = new ResetConfirmedPage(pages);
      confirmed.requestPassword();
      confirmed.await();
      assertTrue(pages.message().contains("password policy"), pages.message());
    } finally {
      rep.setPasswordPolicy(policy);
      realm.admin().update(rep);
    }
    assertEquals(1, mailbox.count(), "no password e-mail");
    assertEquals(credentialsBefore, user.credentials());
    assertTrue(user.toRepresentation().getRequiredActions().isEmpty());

    steps.requestTemporaryPassword();
    assertFalse(mailbox.awaitMessage(2).temporaryPassword().isEmpty(), "no block left behind");
  }

  /** What a password-only sign-in in one browser leaves: a session and an offline token. */
  private record Stolen(
      GfmisClient app, String sessionId, String refreshToken, String offlineToken) {}

  private Stolen signInWithPasswordAndKeepTokens(Holder holder) throws Exception {
    GfmisClient online = app();
    newBrowser();
    pages.open(online.authorizationUrl("th"));
    pages.signIn(holder.userId(), holder.password());
    JsonNode tokens = online.exchange(awaitCallback(online));
    // The same browser asks again for an offline token; its session cookie signs it in at once.
    GfmisClient offline = app();
    JsonNode offlineTokens =
        offline.exchange(
            openExpectingCallback(
                offline, offline.authorizationUrl("th", null, "openid offline_access")));
    assertEquals(
        "Offline",
        GfmisClient.claims(offlineTokens.get("refresh_token").asText()).get("typ").asText());
    return new Stolen(
        online,
        sid(tokens),
        tokens.get("refresh_token").asText(),
        offlineTokens.get("refresh_token").asText());
  }

  /**
   * Another person's browser: no cookies of the one before. The browser may be on a page that
   * failed to load (the callback), where deleting cookies would not reach Keycloak's; those have
   * the path of the realm, so the browser goes to a page under it first.
   */
  @AfterEach
  void newBrowser() {
    pages.driver().navigate().to(realm.getBaseUrl() + "/.well-known/openid-configuration");
    pages.driver().manage().deleteAllCookies();
  }

  /**
   * Opens a URL that Keycloak answers with a redirect to the app's callback, where nothing listens.
   */
  private String openExpectingCallback(GfmisClient app, String url) {
    try {
      pages.driver().navigate().to(url);
    } catch (WebDriverException e) {
      if (!app.isOwnCallback(pages.currentUrl())) {
        throw e;
      }
    }
    return awaitCallback(app);
  }

  private GfmisClient app() {
    return GfmisClient.registered(realm.getBaseUrl(), appId, APP_SECRET, APP_REDIRECT);
  }

  private String awaitCallback(GfmisClient app) {
    new WebDriverWait(pages.driver(), Duration.ofSeconds(30))
        .until(d -> app.isOwnCallback(d.getCurrentUrl()));
    return pages.currentUrl();
  }

  private static String sid(JsonNode tokens) {
    try {
      return GfmisClient.claims(tokens.get("id_token").asText()).get("sid").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> sessionIds(UserResource user) {
    return user.getUserSessions().stream().map(UserSessionRepresentation::getId).toList();
  }

  private static void assertRefused(java.net.http.HttpResponse<String> response, String what) {
    assertEquals(400, response.statusCode(), what + ": " + response.body());
    assertTrue(response.body().contains("invalid_grant"), what + ": " + response.body());
  }

  private List<EventRepresentation> events(String type, UserResource user) {
    return realm
        .admin()
        .getEvents(List.of(type), null, user.toRepresentation().getId(), null, null, null, 0, 100);
  }

  private EventRepresentation lastEvent(String type, String step, UserResource user) {
    return events(type, user).stream()
        .filter(e -> e.getDetails() != null && step.equals(e.getDetails().get("gfmis_step")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " event " + step));
  }

  private void assertNoPersonalDataInEvents(UserResource user, Holder holder, String... secrets) {
    for (String type : List.of("LOGOUT", "RESET_PASSWORD", "UPDATE_PASSWORD")) {
      for (EventRepresentation event : events(type, user)) {
        String details = String.valueOf(event.getDetails());
        assertFalse(details.contains(holder.citizenIdDigits()), "CID in " + type);
        assertFalse(details.contains(holder.email()), "e-mail address in " + type);
        for (String secret : secrets) {
          assertFalse(details.contains(secret), "password in " + type);
        }
      }
    }
  }
}
