package th.gfmis.keycloak.it.softtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.RawBrowser;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;

/**
 * Someone who has the holder's password cannot keep the holder from signing in with the Soft Token:
 * the attacker's sign-ins (a raw HTTP client, another browser and another address) never replace,
 * throttle or lock the holder's.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class SoftTokenLockoutTest extends SoftTokenTest {

  private static final String ATTACKER_ADDRESS = "203.0.113.66";

  private SoftTokenDevice enrollNew(Holder holder) throws Exception {
    GfmisClient gfmis = signInToGfmis(holder);
    SoftTokenDevice device = new SoftTokenSteps(pages()).enroll("Holder phone");
    gfmis.exchange(pages().awaitCallback());
    return device;
  }

  @Test
  void aSignInFromAnotherBrowserDoesNotReplaceTheHoldersLiveChallenge() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice device = enrollNew(holder);
    GfmisClient gfmis = signInToGfmis(holder);
    SoftTokenSteps steps = new SoftTokenSteps(pages());
    int number = steps.shownNumber();
    SoftTokenSteps.awaitChallenge(device);

    String attackerPage =
        new RawBrowser(ATTACKER_ADDRESS)
            .signIn(
                new GfmisClient(realm.getBaseUrl()).authorizationUrl("en"),
                holder.userId(),
                holder.password());
    assertTrue(attackerPage.contains(SoftTokenSteps.NUMBER_ID), "the attacker waits for a phone");

    List<PendingChallenge> pending = device.pending();
    assertEquals(2, pending.size(), "the phone lists both sign-ins: " + pending);
    PendingChallenge mine =
        pending.stream()
            .filter(c -> c.browser() != null && c.browser().startsWith("Chrome"))
            .findFirst()
            .orElseThrow();
    device.approve(mine.id(), number);
    JsonNode tokens = gfmis.exchange(pages().awaitCallback());
    assertEquals(
        "gfmis-softtoken", GfmisClient.claims(tokens.get("id_token").asText()).get("acr").asText());
  }
}
