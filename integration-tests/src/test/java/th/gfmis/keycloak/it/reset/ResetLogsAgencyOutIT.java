package th.gfmis.keycloak.it.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.BackChannelLogoutRequest;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.gfmis.keycloak.it.support.AgencyApp;
import th.gfmis.keycloak.it.support.AgencyClients;
import th.gfmis.keycloak.it.support.AgencyEndpoints;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;

/**
 * What docs/integration.md promises an agency: when a holder sets a new password through the
 * forgotten-password reset, the agency's back-channel logout endpoint receives a logout token for
 * the session that signed in there, signed with the realm's keys.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class ResetLogsAgencyOutIT extends AbstractResetFlowIT {

  private static final String SECRET = "agency-reset-secret";
  private static final String BACKCHANNEL_LOGOUT_EVENT =
      "http://schemas.openid.net/event/backchannel-logout";

  @Test
  void theForgottenPasswordResetSendsTheAgencyASignedLogoutTokenForItsSession() throws Exception {
    Holder holder = holders.create("en");
    try (AgencyEndpoints agency = new AgencyEndpoints()) {
      new AgencyClients(realm)
          .register("agency-reset", SECRET, agency.callbackUrl(), agency.logoutUrl());
      AgencyApp app =
          AgencyApp.discover(realm.getBaseUrl(), "agency-reset", SECRET, agency.callbackUrl());

      AgencyApp.Login login = app.start();
      pages.openSignedOut(realm.getBaseUrl(), login.uri().toString());
      pages.signIn(holder.userId(), holder.password());
      IDTokenClaimsSet signedIn = app.complete(login, awaitCallback(app));
      assertFalse(agency.hasMore(), "no logout while the session lives");

      // The holder (in another browser) resets the password; the temporary one is mailed.
      pages.driver().navigate().to(realm.getBaseUrl() + "/.well-known/openid-configuration");
      pages.driver().manage().deleteAllCookies();
      steps.openForm("en");
      steps.requestOtp(holder);
      steps.verifyOtp(mailbox.awaitMessage(1).otp());
      steps.requestTemporaryPassword();
      assertFalse(mailbox.awaitMessage(2).temporaryPassword().isEmpty());

      BackChannelLogoutRequest request = agency.await(Duration.ofSeconds(15));
      SignedJWT token = (SignedJWT) request.getLogoutToken();
      // Signature against the realm's JWKS, iss, aud, iat, the event and no nonce:
      LogoutTokenClaimsSet logout = app.logoutTokenValidator().validate(token);
      assertEquals(signedIn.getSubject(), logout.getSubject(), "sub");
      assertEquals(signedIn.getSessionID(), logout.getSessionID(), "sid of the agency's session");
      Map<String, Object> events = token.getJWTClaimsSet().getJSONObjectClaim("events");
      assertTrue(events.containsKey(BACKCHANNEL_LOGOUT_EVENT), "events claim: " + events);
      assertNull(token.getJWTClaimsSet().getClaim("nonce"));

      // The same claims signed with any other key are refused: the check above is the signature's.
      assertThrows(
          BadJOSEException.class,
          () -> app.logoutTokenValidator().validate(forgedCopy(token)),
          "a logout token not signed by the realm");
    }
  }

  private static SignedJWT forgedCopy(SignedJWT token) throws Exception {
    RSAKey foreign = new RSAKeyGenerator(2048).keyID(token.getHeader().getKeyID()).generate();
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType("logout+jwt"))
                .keyID(token.getHeader().getKeyID())
                .build(),
            JWTClaimsSet.parse(token.getJWTClaimsSet().toJSONObject()));
    forged.sign(new RSASSASigner(foreign));
    return forged;
  }

  private String awaitCallback(AgencyApp app) {
    return new WebDriverWait(webDriver.driver(), Duration.ofSeconds(30))
        .until(d -> app.isCallback(d.getCurrentUrl()) ? d.getCurrentUrl() : null);
  }
}
