package th.gfmis.keycloak.it.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.support.ui.WebDriverWait;
import th.gfmis.keycloak.it.support.AgencyApp;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.ThaidRealmConfig;

/**
 * The ThaID stand-in realm is a real OpenID Connect provider whose ID tokens carry ThaID's claims;
 * the gfmis realm's return endpoint gives a clear page for a return it did not start; and the
 * identity provider {@code thaid} cannot be used to sign in to GFMIS.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class ThaidStandInIT extends AbstractRegistrationIT {

  private static final String INVALID_RETURN_TH =
      "ข้อมูลที่ส่งกลับจาก ThaID ไม่ถูกต้องหรือถูกใช้ไปแล้ว";
  private static final String INVALID_RETURN_EN = "The return from ThaID was not valid";

  private String callbackUrl() {
    return realm.getBaseUrl() + "/gfmis-registration/proofing/callback";
  }

  @Test
  void theStandInsIdTokenCarriesThaidClaimsAndAForeignReturnIsRefusedClearly() throws Exception {
    AgencyApp app =
        AgencyApp.discover(
            thaid.getBaseUrl(),
            ThaidRealmConfig.CLIENT_ID,
            ThaidRealmConfig.CLIENT_SECRET,
            callbackUrl());
    AgencyApp.Login login = app.start();
    pages.open(login.uri().toString());
    pages.signIn(ThaidRealmConfig.SOMCHAI, ThaidRealmConfig.PASSWORD);
    new WebDriverWait(webDriver.driver(), Duration.ofSeconds(30))
        .until(d -> app.isCallback(d.getCurrentUrl()));
    String returned = pages.currentUrl();

    // The return endpoint did not start this round trip: a clear page, the code left unused.
    assertInvalidReturnPage();

    IDTokenClaimsSet claims = app.complete(login, returned);
    assertEquals(ThaidRealmConfig.SOMCHAI, claims.getStringClaim("pid"));
    assertEquals("สมชาย", claims.getStringClaim("given_name"));
    assertEquals("ใจดี", claims.getStringClaim("family_name"));
    assertEquals("Somchai Jaidee", claims.getStringClaim("name_en"));
    assertEquals("2.3", claims.getStringClaim("ial"));
  }

  @Test
  void aReturnWithoutOrWithAWrongStateOrACancelIsAClearPage() {
    pages.open(callbackUrl());
    assertInvalidReturnPage();
    pages.open(callbackUrl() + "?error=access_denied&state=not-a-state");
    assertInvalidReturnPage();
    // Well formed, but no such authentication session in this browser.
    pages.open(callbackUrl() + "?code=abc&state=c2VjcmV0.dGFiLTE.Z2ZtaXMtZGVtbw");
    String body = pages.bodyText();
    assertTrue(
        body.contains("การลงทะเบียนหมดเวลา")
            || body.contains("The registration session has expired"),
        body);
  }

  @Test
  void thaidIsNotOfferedAndCannotSignAnyoneIn() {
    String auth =
        realm.getBaseUrl()
            + "/protocol/openid-connect/auth?client_id=gfmis-demo&response_type=code&scope=openid"
            + "&redirect_uri=http%3A%2F%2Flocalhost%3A8025%2Fapp%2Fcallback"
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
    pages.open(auth);
    assertTrue(pages.isShown("username"), "the sign-in page");
    assertFalse(pages.isShown("social-thaid"), "no ThaID button");
    assertFalse(pages.bodyText().contains("ThaID"), pages.bodyText());

    // A hint for the provider: Keycloak either ignores it (the sign-in page again) or sends the
    // browser to the stand-in, whose return then meets the flow that denies access.
    pages.open(auth + "&kc_idp_hint=thaid");
    boolean wentToThaid = webDriver.driver().getCurrentUrl().startsWith(thaid.getBaseUrl());
    if (wentToThaid) {
      pages.signIn(ThaidRealmConfig.SOMCHAI, ThaidRealmConfig.PASSWORD);
    }
    String landed = webDriver.driver().getCurrentUrl();
    System.out.println(
        "kc_idp_hint=thaid: went to the stand-in: " + wentToThaid + ", landed on " + landed);
    assertTrue(landed.startsWith(realm.getBaseUrl()), landed);
    assertTrue(wentToThaid || pages.isShown("username"), pages.bodyText());
    assertFalse(landed.startsWith("http://localhost:8025"), landed);
    assertFalse(landed.contains("code="), landed);
    assertTrue(realm.admin().users().search(ThaidRealmConfig.SOMCHAI).isEmpty(), "no user made");
  }

  private void assertInvalidReturnPage() {
    String body = pages.bodyText();
    assertTrue(
        body.contains(INVALID_RETURN_TH) || body.contains(INVALID_RETURN_EN),
        "expected the invalid-return message, page reads:\n" + body);
    assertFalse(body.contains("Exception"), body);
  }
}
