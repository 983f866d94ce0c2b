package th.gfmis.keycloak.it.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.openid.connect.sdk.BackChannelLogoutRequest;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserSessionRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import th.gfmis.keycloak.it.support.AgencyApp;
import th.gfmis.keycloak.it.support.AgencyClients;
import th.gfmis.keycloak.it.support.AgencyEndpoints;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisRealmConfig;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Holders;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;

/**
 * What docs/integration.md promises an agency: when the Soft Token device that approved its sign-in
 * is revoked — by the holder in the account console, by an administrator, or in the app — the
 * agency's back-channel logout endpoint receives a logout token, signed by the realm, for the
 * session that signed in there, and that session is gone — also when the holder removes the device
 * in the very browser session that signed in to the agency.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class DeviceRevocationLogsAgencyOutIT {

  private static final String SECRET = "agency-revocation-secret";

  @InjectRealm(fromJson = GfmisRealmConfig.REALM_JSON, config = GfmisRealmConfig.class)
  ManagedRealm realm;

  @InjectAdminClient Keycloak adminClient;

  @InjectKeycloakUrls KeycloakUrls urls;

  @InjectWebDriver ManagedWebDriver webDriver;

  /**
   * The account console's "Remove": Keycloak 26.7's console runs the {@code delete_credential}
   * action (its account REST API has no DELETE for credentials: 405), here in another browser.
   */
  @Test
  void aRemovalInTheAccountConsoleLogsTheAgencyOut() throws Exception {
    try (SignedIn agency = signInToTheAgencyWithANewDevice("agency-rev-console")) {
      Pages pages = new Pages(webDriver.driver());
      pages.openSignedOut(
          realm.getBaseUrl(),
          new GfmisClient(realm.getBaseUrl()).authorizationUrl("en")
              + "&kc_action=delete_credential:"
              + credentialId(agency.holder()));
      pages.signIn(agency.holder().userId(), agency.holder().password());
      new SoftTokenSteps(pages).approve(agency.phone());
      pages.awaitShown("kc-accept");
      pages.click("kc-accept");
      agency.assertLoggedOut();
    }
  }

  /**
   * The holder removes the device in the same browser session as the agency sign-in: that session
   * was approved with the device too, so it ends as well, and the browser is signed out.
   */
  @Test
  void aRemovalInTheSameBrowserSessionLogsTheAgencyOutAndSignsTheBrowserOut() throws Exception {
    try (SignedIn agency = signInToTheAgencyWithANewDevice("agency-rev-same-browser")) {
      Pages pages = new Pages(webDriver.driver());
      // No sign-in page: the session's password level stands, the removal asks for the phone.
      webDriver
          .driver()
          .navigate()
          .to(
              new GfmisClient(realm.getBaseUrl()).authorizationUrl("en")
                  + "&kc_action=delete_credential:"
                  + credentialId(agency.holder()));
      new SoftTokenSteps(pages).approve(agency.phone());
      pages.awaitShown("kc-accept");
      pages.click("kc-accept");
      // Keycloak's page for an action that ends the flow, with a link back to the application.
      pages.awaitShown("kc-info-message");
      assertTrue(pages.text("kc-info-message").contains("Your account has been updated"));
      agency.assertLoggedOut();
      assertTrue(softTokens(agency.holder()).isEmpty(), "the device is gone");
      AgencyApp.Login silent = agency.app().start(null, Prompt.Type.NONE);
      webDriver.driver().navigate().to(silent.uri().toString());
      assertEquals(
          "login_required",
          agency.app().error(silent, agency.app().awaitCallback(webDriver.driver())).getCode(),
          "the browser's own session ended too");
    }
  }

  /** An administrator removes the device on the user's Credentials tab. */
  @Test
  void aRemovalByAnAdministratorLogsTheAgencyOut() throws Exception {
    try (SignedIn agency = signInToTheAgencyWithANewDevice("agency-rev-admin")) {
      String userId = holders().userId(agency.holder());
      realm.admin().users().get(userId).removeCredential(credentialId(agency.holder()));
      agency.assertLoggedOut();
    }
  }

  /** The holder cancels the device in the Soft Token app (the device API's revoke). */
  @Test
  void aRevocationInTheAppLogsTheAgencyOut() throws Exception {
    try (SignedIn agency = signInToTheAgencyWithANewDevice("agency-rev-app")) {
      agency.phone().revoke();
      agency.assertLoggedOut();
    }
  }

  /**
   * A holder with an enrollment grant signs in to a newly registered agency client at the Soft
   * Token level, enrolling the device on the way ("Get Certificate").
   */
  private SignedIn signInToTheAgencyWithANewDevice(String clientId) throws Exception {
    Holder holder = holders().create("en");
    AgencyEndpoints endpoints = new AgencyEndpoints();
    try {
      new AgencyClients(realm)
          .register(clientId, SECRET, endpoints.callbackUrl(), endpoints.logoutUrl());
      AgencyApp app =
          AgencyApp.discover(realm.getBaseUrl(), clientId, SECRET, endpoints.callbackUrl());
      AgencyApp.Login login = app.start("gfmis-softtoken", null);
      Pages pages = new Pages(webDriver.driver());
      pages.openSignedOut(realm.getBaseUrl(), login.uri().toString());
      pages.signIn(holder.userId(), holder.password());
      SoftTokenDevice phone = new SoftTokenSteps(pages).enroll("Revoked phone");
      IDTokenClaimsSet claims = app.complete(login, app.awaitCallback(webDriver.driver()));
      assertEquals("gfmis-softtoken", claims.getACR().getValue());
      assertFalse(endpoints.hasMore(), "no logout while the session lives");
      return new SignedIn(holder, phone, app, endpoints, claims);
    } catch (Exception | AssertionError e) {
      endpoints.close();
      throw e;
    }
  }

  /** The agency's side of one sign-in: its endpoints, its client and the ID token it validated. */
  private final class SignedIn implements AutoCloseable {
    private final Holder holder;
    private final SoftTokenDevice phone;
    private final AgencyApp app;
    private final AgencyEndpoints endpoints;
    private final IDTokenClaimsSet signedIn;

    SignedIn(
        Holder holder,
        SoftTokenDevice phone,
        AgencyApp app,
        AgencyEndpoints endpoints,
        IDTokenClaimsSet signedIn) {
      this.holder = holder;
      this.phone = phone;
      this.app = app;
      this.endpoints = endpoints;
      this.signedIn = signedIn;
    }

    Holder holder() {
      return holder;
    }

    SoftTokenDevice phone() {
      return phone;
    }

    AgencyApp app() {
      return app;
    }

    /**
     * The endpoint received a logout token that validates against the realm's keys (iss, aud, iat,
     * the back-channel logout event, no nonce) naming this sign-in's user and session, and the
     * session no longer exists on the server.
     */
    void assertLoggedOut() throws Exception {
      BackChannelLogoutRequest request = endpoints.await(Duration.ofSeconds(15));
      LogoutTokenClaimsSet logout = app.logoutTokenValidator().validate(request.getLogoutToken());
      assertEquals(signedIn.getSubject(), logout.getSubject(), "sub");
      assertEquals(signedIn.getSessionID(), logout.getSessionID(), "sid of the agency's session");
      List<String> sessions =
          realm.admin().users().get(holders().userId(holder)).getUserSessions().stream()
              .map(UserSessionRepresentation::getId)
              .toList();
      assertFalse(
          sessions.contains(signedIn.getSessionID().getValue()),
          "the agency's session ended: " + sessions);
    }

    @Override
    public void close() {
      endpoints.close();
    }
  }

  private Holders holders() {
    return new Holders(adminClient, realm, urls.getBase());
  }

  private String credentialId(Holder holder) {
    return softTokens(holder).get(0).getId();
  }

  private List<CredentialRepresentation> softTokens(Holder holder) {
    return realm.admin().users().get(holders().userId(holder)).credentials().stream()
        .filter(c -> "gfmis-softtoken".equals(c.getType()))
        .toList();
  }
}
