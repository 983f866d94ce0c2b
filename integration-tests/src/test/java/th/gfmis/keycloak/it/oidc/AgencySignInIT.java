package th.gfmis.keycloak.it.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.BackChannelLogoutRequest;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserSessionRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.util.JsonSerialization;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.gfmis.keycloak.it.support.AgencyApp;
import th.gfmis.keycloak.it.support.AgencyClients;
import th.gfmis.keycloak.it.support.AgencyEndpoints;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisRealmConfig;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Holders;
import th.gfmis.keycloak.it.support.NodeExample;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.it.support.SpringExample;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;

/**
 * An agency system connects the way docs/integration.md describes, through the Nimbus OIDC SDK: the
 * operator registers it, it discovers the realm, signs a holder in with code + PKCE at the password
 * level, steps up to the Soft Token with {@code acr_values}, validates every ID token against the
 * realm's keys, and learns through its back-channel logout endpoint that the holder's session has
 * ended.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class AgencySignInIT {

  private static final String SECRET = "agency-secret-for-tests";

  @InjectRealm(fromJson = GfmisRealmConfig.REALM_JSON, config = GfmisRealmConfig.class)
  ManagedRealm realm;

  @InjectAdminClient Keycloak adminClient;

  @InjectKeycloakUrls KeycloakUrls urls;

  @InjectWebDriver ManagedWebDriver webDriver;

  @Test
  void signInStepUpToTheSoftTokenAndHearOfTheLogoutOnTheBackChannel() throws Exception {
    Holder holder = holderAllowedAFirstDevice("en");
    Pages pages = new Pages(webDriver.driver());
    try (AgencyEndpoints agency = new AgencyEndpoints()) {
      String redirectUri = agency.callbackUrl();
      new AgencyClients(realm).register("agency-budget", SECRET, redirectUri, agency.logoutUrl());
      AgencyApp app = AgencyApp.discover(realm.getBaseUrl(), "agency-budget", SECRET, redirectUri);

      OIDCProviderMetadata provider = app.provider();
      assertEquals(realm.getBaseUrl(), provider.getIssuer().getValue());
      assertTrue(provider.getCodeChallengeMethods().contains(CodeChallengeMethod.S256));
      assertTrue(provider.getACRs().contains(new ACR("gfmis-password")), "" + provider.getACRs());
      assertTrue(provider.getACRs().contains(new ACR("gfmis-softtoken")));
      assertTrue(provider.supportsBackChannelLogout());
      assertTrue(provider.supportsBackChannelLogoutSession());

      // No session yet: a silent check answers login_required.
      AgencyApp.Login silent = app.start(null, Prompt.Type.NONE);
      openFresh(silent.uri().toString());
      assertEquals("login_required", app.error(silent, awaitCallback(app)).getCode());

      // Password level by default: the client's default acr.
      AgencyApp.Login login = app.start();
      openFresh(login.uri().toString());
      pages.signIn(holder.userId(), holder.password());
      IDTokenClaimsSet first = app.complete(login, awaitCallback(app));
      assertEquals("gfmis-password", first.getACR().getValue());
      assertEquals(holder.userId(), first.getStringClaim("gfmis_user_id"), "upper-case GFMIS ID");
      assertEquals(holder.username(), first.getStringClaim("preferred_username"));
      assertEquals(holder.email(), first.getStringClaim("email"));
      assertEquals("Holder", first.getStringClaim("given_name"));
      assertNotNull(first.getSessionID(), "sid, to match a later logout token");

      // Step-up in the same browser session: no device yet, so Get Certificate first.
      AgencyApp.Login stepUp = app.start("gfmis-softtoken", null);
      webDriver.driver().navigate().to(stepUp.uri().toString());
      SoftTokenDevice phone = new SoftTokenSteps(pages).enroll("Agency test phone");
      IDTokenClaimsSet enrolled = app.complete(stepUp, awaitCallback(app));
      assertEquals("gfmis-softtoken", enrolled.getACR().getValue());
      assertEquals(first.getSessionID(), enrolled.getSessionID(), "one SSO session");

      // The Soft Token level is never remembered: the next request for it is approved on the phone.
      AgencyApp.Login again = app.start("gfmis-softtoken", null);
      webDriver.driver().navigate().to(again.uri().toString());
      new SoftTokenSteps(pages).approve(phone);
      IDTokenClaimsSet approved = app.complete(again, awaitCallback(app));
      assertEquals("gfmis-softtoken", approved.getACR().getValue());
      assertFalse(agency.hasMore(), "no logout while the session lives");

      // The holder's sessions end (an administrator signs the holder out everywhere).
      realm.admin().users().get(userUuid(holder)).logout();
      BackChannelLogoutRequest request = agency.await(Duration.ofSeconds(15));
      LogoutTokenClaimsSet logout = app.logoutTokenValidator().validate(request.getLogoutToken());
      assertEquals(first.getSubject(), logout.getSubject());
      assertEquals(first.getSessionID(), logout.getSessionID());

      // And the session is really gone: the silent check asks for a sign-in again.
      AgencyApp.Login after = app.start(null, Prompt.Type.NONE);
      webDriver.driver().navigate().to(after.uri().toString());
      assertEquals("login_required", app.error(after, awaitCallback(app)).getCode());
    }
  }

  /**
   * The guide's error table: a silent request ({@code prompt=none}) that would need the holder to
   * act, here the Soft Token level within a password-level session, answers {@code
   * interaction_required}; without any session it answers {@code login_required} (above).
   */
  @Test
  void aSilentRequestThatNeedsTheSoftTokenAnswersInteractionRequired() throws Exception {
    Holder holder = new Holders(adminClient, realm, urls.getBase()).create("th");
    Pages pages = new Pages(webDriver.driver());
    try (AgencyEndpoints agency = new AgencyEndpoints()) {
      new AgencyClients(realm)
          .register("agency-silent", SECRET, agency.callbackUrl(), agency.logoutUrl());
      AgencyApp app =
          AgencyApp.discover(realm.getBaseUrl(), "agency-silent", SECRET, agency.callbackUrl());
      AgencyApp.Login login = app.start();
      openFresh(login.uri().toString());
      pages.signIn(holder.userId(), holder.password());
      assertEquals("gfmis-password", app.complete(login, awaitCallback(app)).getACR().getValue());

      AgencyApp.Login silent = app.start("gfmis-softtoken", Prompt.Type.NONE);
      webDriver.driver().navigate().to(silent.uri().toString());
      assertEquals("interaction_required", app.error(silent, awaitCallback(app)).getCode());

      // The password level is still there silently: the session was not harmed.
      AgencyApp.Login quiet = app.start(null, Prompt.Type.NONE);
      webDriver.driver().navigate().to(quiet.uri().toString());
      assertEquals("gfmis-password", app.complete(quiet, awaitCallback(app)).getACR().getValue());
    }
  }

  /**
   * The guide's error table: {@code access_denied} comes back when the user refuses, which on this
   * realm's pages is declining a consent screen (a client registered with consent required).
   */
  @Test
  void aUserWhoDeclinesConsentComesBackWithAccessDenied() throws Exception {
    Holder holder = new Holders(adminClient, realm, urls.getBase()).create("en");
    Pages pages = new Pages(webDriver.driver());
    try (AgencyEndpoints agency = new AgencyEndpoints()) {
      new AgencyClients(realm)
          .register("agency-consent", SECRET, agency.callbackUrl(), agency.logoutUrl());
      ClientRepresentation client = realm.admin().clients().findByClientId("agency-consent").get(0);
      client.setConsentRequired(true);
      realm.admin().clients().get(client.getId()).update(client);
      AgencyApp app =
          AgencyApp.discover(realm.getBaseUrl(), "agency-consent", SECRET, agency.callbackUrl());

      AgencyApp.Login login = app.start();
      openFresh(login.uri().toString());
      pages.signIn(holder.userId(), holder.password());
      pages.click("kc-cancel");
      assertEquals("access_denied", app.error(login, awaitCallback(app)).getCode());
    }
  }

  @Test
  void theNodeExampleSignsInToGfmisAtTheSoftTokenLevel() throws Exception {
    Holder holder = holderAllowedAFirstDevice("th");
    Pages pages = new Pages(webDriver.driver());
    NodeExample node =
        new NodeExample(
            Map.of(
                "GFMIS_ISSUER", realm.getBaseUrl(),
                "GFMIS_CLIENT_ID", GfmisClient.CLIENT_ID,
                "GFMIS_CLIENT_SECRET", GfmisClient.SECRET,
                "GFMIS_REDIRECT_URI", GfmisClient.REDIRECT_URI,
                "GFMIS_ACR_VALUES", "gfmis-softtoken"));
    JsonNode login = node.authorize();
    String url = login.get("url").asText();
    assertTrue(url.contains("code_challenge_method=S256"), url);
    assertTrue(url.contains("acr_values=gfmis-softtoken"), url);

    openFresh(url);
    pages.signIn(holder.userId(), holder.password());
    JsonNode claims = node.callback(login, pages.awaitCallback());
    assertEquals("gfmis-softtoken", claims.get("acr").asText());
    assertEquals(
        holder.userId(), claims.get("gfmis_user_id").asText(), "the realm export's mapper");
    assertEquals(GfmisClient.CLIENT_ID, claims.get("aud").asText());
  }

  /**
   * The Spring Boot example of docs/examples/spring, started as a process against this realm: the
   * sign-in it starts (code + PKCE, {@code acr_values=gfmis-softtoken}) ends in the ID token claims
   * it shows; its RP-initiated logout ends the Keycloak session; and when an administrator ends the
   * holder's next session, its back-channel logout endpoint ends its own session.
   */
  @Test
  void theSpringExampleSignsInAndHearsOfBothLogouts() throws Exception {
    Holder holder = holderAllowedAFirstDevice("en");
    Pages pages = new Pages(webDriver.driver());
    int port = SpringExample.freePort();
    String app = "http://127.0.0.1:" + port;
    new AgencyClients(realm)
        .register(
            "agency-spring",
            SECRET,
            app + "/login/oauth2/code/gfmis",
            app + "/logout/connect/back-channel/gfmis",
            app + "/");
    try (SpringExample spring =
        SpringExample.start(
            port,
            Map.of(
                "GFMIS_ISSUER",
                realm.getBaseUrl(),
                "GFMIS_CLIENT_ID",
                "agency-spring",
                "GFMIS_CLIENT_SECRET",
                SECRET))) {
      openFresh(spring.baseUrl() + "/");
      pages.signIn(holder.userId(), holder.password());
      SoftTokenDevice phone = new SoftTokenSteps(pages).enroll("Spring test phone");
      JsonNode claims = awaitClaimsShownBy(spring);
      assertEquals("gfmis-softtoken", claims.get("acr").asText(), "the example asks for it");
      assertEquals(holder.userId(), claims.get("gfmis_user_id").asText());
      assertEquals("agency-spring", claims.get("aud").get(0).asText());
      String firstSession = claims.get("sid").asText();
      webDriver.driver().navigate().to(spring.baseUrl() + "/payments");
      assertEquals("payments of " + holder.userId(), bodyOf(spring), "acr check, user name");

      // RP-initiated logout: Spring's logout page, then Keycloak's end-session endpoint, then back
      // to the example, which (signed out) sends the browser to the sign-in page.
      webDriver.driver().navigate().to(spring.baseUrl() + "/logout");
      webDriver.driver().findElement(By.cssSelector("button[type=submit]")).click();
      pages.awaitShown("username");
      assertTrue(sessionIds(holder).isEmpty(), "the Keycloak session ended");

      pages.signIn(holder.userId(), holder.password());
      new SoftTokenSteps(pages).approve(phone);
      String secondSession = awaitClaimsShownBy(spring).get("sid").asText();
      assertNotEquals(firstSession, secondSession);

      // Back-channel logout: Keycloak tells the example, which ends its own session, so the next
      // page needs a sign-in again.
      realm.admin().users().get(userUuid(holder)).logout();
      webDriver.driver().navigate().to(spring.baseUrl() + "/");
      pages.awaitShown("username");
    }
  }

  /** Waits until the browser is back on the example's home page and returns the claims it shows. */
  private JsonNode awaitClaimsShownBy(SpringExample spring) throws Exception {
    // Spring returns to the page that needed the sign-in with "?continue" added.
    new WebDriverWait(webDriver.driver(), Duration.ofSeconds(30))
        .until(d -> d.getCurrentUrl().matches(Pattern.quote(spring.baseUrl()) + "/(\\?.*)?"));
    return JsonSerialization.readValue(bodyOf(spring), JsonNode.class);
  }

  /** The text of the example's page (its own pages are not GFMIS pages: no accessibility check). */
  private String bodyOf(SpringExample spring) {
    assertTrue(webDriver.driver().getCurrentUrl().startsWith(spring.baseUrl()));
    return webDriver.driver().findElement(By.tagName("body")).getText();
  }

  private List<String> sessionIds(Holder holder) {
    return realm.admin().users().get(userUuid(holder)).getUserSessions().stream()
        .map(UserSessionRepresentation::getId)
        .toList();
  }

  @Test
  void theGfmisClientOfTheRealmExportCarriesTheRecommendedSettings() throws Exception {
    ClientRepresentation gfmis =
        realm.admin().clients().findByClientId(GfmisClient.CLIENT_ID).get(0);
    Map<String, String> attributes = gfmis.getAttributes();
    assertFalse(gfmis.isPublicClient(), "confidential");
    assertTrue(gfmis.isStandardFlowEnabled());
    assertFalse(gfmis.isImplicitFlowEnabled());
    assertFalse(gfmis.isDirectAccessGrantsEnabled());
    assertFalse(gfmis.isServiceAccountsEnabled());
    assertFalse(gfmis.isFrontchannelLogout());
    assertEquals("S256", attributes.get("pkce.code.challenge.method"));
    assertEquals("true", attributes.get("backchannel.logout.session.required"));
    assertEquals("gfmis-softtoken", attributes.get("minimum.acr.value"));
    assertEquals("gfmis-softtoken", attributes.get("default.acr.values"));
    assertTrue(
        gfmis.getRedirectUris().stream().noneMatch(uri -> uri.contains("*")),
        "exact redirect URIs: " + gfmis.getRedirectUris());
    assertFalse(attributes.getOrDefault("post.logout.redirect.uris", "").contains("*"));
    assertTrue(
        gfmis.getProtocolMappers().stream()
            .anyMatch(m -> "gfmis-user-id-mapper".equals(m.getProtocolMapper())));

    // Nothing demo-only in the file itself (the tests add their secret and loopback URI).
    ClientRepresentation exported = exportedClient(GfmisClient.CLIENT_ID);
    assertNull(exported.getSecret(), "no secret in the export: Keycloak makes one on import");
    assertFalse(exported.getRedirectUris().isEmpty());
    for (String uri : exported.getRedirectUris()) {
      assertTrue(
          uri.startsWith("https://") && !uri.contains("*"), "production redirect URI: " + uri);
    }
    assertTrue(
        exported.getAttributes().get("post.logout.redirect.uris").startsWith("https://"),
        "production post-logout URI");
  }

  private static ClientRepresentation exportedClient(String clientId) throws Exception {
    try (InputStream in = GfmisRealmConfig.class.getResourceAsStream(GfmisRealmConfig.REALM_JSON)) {
      return JsonSerialization.readValue(in, RealmRepresentation.class).getClients().stream()
          .filter(c -> clientId.equals(c.getClientId()))
          .findFirst()
          .orElseThrow();
    }
  }

  /** A holder whose administrator allowed a first Soft Token device (an enrollment grant). */
  private Holder holderAllowedAFirstDevice(String locale) throws Exception {
    Holders holders = new Holders(adminClient, realm, urls.getBase());
    Holder holder = holders.create(locale);
    assertEquals(201, holders.enrollmentGrant("POST", holders.userId(holder)).statusCode());
    return holder;
  }

  /** A fresh browser session: Keycloak's cookies removed (from a Keycloak page), then the URL. */
  private void openFresh(String url) {
    WebDriver driver = webDriver.driver();
    String neutral = realm.getBaseUrl() + "/.well-known/openid-configuration";
    try {
      driver.navigate().to(neutral);
    } catch (WebDriverException e) {
      driver.navigate().to(neutral);
    }
    driver.manage().deleteAllCookies();
    driver.navigate().to(url);
  }

  private String awaitCallback(AgencyApp app) {
    return new WebDriverWait(webDriver.driver(), Duration.ofSeconds(30))
        .until(d -> app.isCallback(d.getCurrentUrl()) ? d.getCurrentUrl() : null);
  }

  private String userUuid(Holder holder) {
    return realm.admin().users().search(holder.username(), true).get(0).getId();
  }
}
