package th.gfmis.keycloak.it.registration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.ThaidRealmConfig;
import th.gfmis.keycloak.it.support.pages.ProofingPage;

/**
 * The registration step "prove identity" in the real flow, with the login at the ThaID stand-in:
 * someone else's pid, a cancel at ThaID, a replayed return and a forged state each bring the holder
 * back to the step with the reason, and a retry as the right person goes on to the confirm page.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class ProofingFlowIT extends AbstractRegistrationIT {

  private ProofingPage proofing() {
    return new ProofingPage(pages);
  }

  /** Registers Somchai's user ID with his CID up to the stand-in's login; returns the state. */
  private String atTheStandIn() {
    steps.open("en");
    steps.identify(
        RegistrationJourneyIT.SOMCHAI_USER_ID,
        ThaidRealmConfig.SOMCHAI,
        RegistrationSteps.png("order.png"),
        "somchai.j@demo.gfmis.local");
    proofing().await();
    proofing().start();
    String url = pages.currentUrl();
    assertTrue(url.startsWith(thaid.getBaseUrl()), url);
    assertTrue(url.contains("code_challenge_method=S256") && url.contains("nonce="), url);
    return query(url, "state");
  }

  /** The browser brings {@code query} back to the return endpoint, as ThaID would. */
  private void returnWith(String query) {
    pages
        .driver()
        .navigate()
        .to(realm.getBaseUrl() + "/gfmis-registration/proofing/callback?" + query);
    proofing().await();
  }

  private void assertReason(String text) {
    String body = pages.bodyText();
    assertTrue(body.contains(text), "expected \"" + text + "\" on a page reading:\n" + body);
  }

  @Test
  void someoneElsesPidIsRefusedItsReplayTooAndTheRightPersonGoesOn() {
    String state = atTheStandIn();
    pages.signIn(ThaidRealmConfig.WILAI, ThaidRealmConfig.PASSWORD);
    proofing().await();
    assertReason("ThaID proved a different citizen ID from the one you entered.");
    pages.screenshot("registration-proofing-other-person");

    returnWith("code=replayed&state=" + state);
    assertReason("The return from ThaID was not valid or was already used.");

    forgetTheStandInsSession();
    steps.proveIdentity(ThaidRealmConfig.SOMCHAI);
  }

  /**
   * Signs the first person out of the stand-in, so that another person can sign in there, as on a
   * second phone; the step's page is shown again.
   */
  private void forgetTheStandInsSession() {
    String step = pages.currentUrl();
    steps.forgetTheStandInsSession();
    webDriver.driver().navigate().to(step);
    proofing().await();
  }

  @Test
  void aCancelAtThaidBringsThePageBackWithARetry() {
    String state = atTheStandIn();
    returnWith("error=access_denied&error_description=cancelled&state=" + state);
    assertReason("Identity proofing with ThaID was cancelled.");

    steps.proveIdentity(ThaidRealmConfig.SOMCHAI);
  }

  @Test
  void aForgedStateIsRefusedAndUsesUpTheRoundTrip() {
    String state = atTheStandIn();
    String forged = "Zm9yZ2Vk" + state.substring(state.indexOf('.'));
    returnWith("code=forged&state=" + forged);
    assertReason("The return from ThaID was not valid or was already used.");
    returnWith("code=late&state=" + state);
    assertReason("The return from ThaID was not valid or was already used.");

    steps.proveIdentity(ThaidRealmConfig.SOMCHAI);
  }

  private static String query(String url, String name) {
    for (String pair : URI.create(url).getRawQuery().split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no " + name + " in " + url);
  }
}
