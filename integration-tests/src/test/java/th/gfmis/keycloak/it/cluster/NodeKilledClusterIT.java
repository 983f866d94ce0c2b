package th.gfmis.keycloak.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static th.gfmis.keycloak.it.cluster.ClusterNode.NODE1;
import static th.gfmis.keycloak.it.cluster.ClusterNode.NODE2;
import static th.gfmis.keycloak.it.cluster.CrossNodeClusterIT.acr;
import static th.gfmis.keycloak.it.cluster.CrossNodeClusterIT.onNode;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Mailbox.Mail;
import th.gfmis.keycloak.it.support.ResetSteps;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;

/**
 * The node that served a flow's last step dies ({@code kill -9}: no goodbye to the cluster, no
 * flush) before the next step, and the flow finishes on the survivor with what the dead node had
 * written: the challenge it made, the activation code it issued, the OTP it sent.
 */
class NodeKilledClusterIT extends AbstractClusterIT {

  @Test
  void softTokenSignInFinishesOnTheSurvivorWhenTheNodeShowingTheNumberDies() throws Exception {
    Holder holder = newHolder();
    GfmisClient first = new GfmisClient(NODE2.realmUrl());
    pages.open(first.authorizationUrl("en"));
    pages.signIn(holder.userId(), holder.password());
    SoftTokenDevice device = enrollAt(NODE2, new SoftTokenSteps(pages).readQrCode(), "Phone");
    pages.awaitShown("gfmis-softtoken-device-name");
    pages.click("gfmis-softtoken-continue");
    first.exchange(pages.awaitCallback());

    GfmisClient gfmis = new GfmisClient(NODE2.realmUrl());
    pages.openSignedOut(NODE2.realmUrl(), onNode(NODE2, gfmis.authorizationUrl("en")));
    pages.awaitShown("username");
    nextRequestTo(NODE1);
    pages.signIn(holder.userId(), holder.password());
    int number = new SoftTokenSteps(pages).shownNumber();
    assertEquals(NODE1, shownBy());

    kill(NODE1);
    var challenge = SoftTokenSteps.awaitChallenge(device);
    assertTrue(challenge.numberChoices().contains(number), challenge.toString());
    assertEquals("approved", device.approve(challenge.id(), number).status());
    // The page's own check went to the dead node; the holder presses "Check" on the survivor.
    nextRequestTo(NODE2);
    pages.click("gfmis-softtoken-check");
    JsonNode tokens = gfmis.exchange(pages.awaitCallback());
    assertEquals("gfmis-softtoken", acr(tokens));
  }

  @Test
  void resetFinishesOnTheSurvivorWhenTheNodeThatSentTheOtpDies() throws Exception {
    Holder holder = newHolder();
    ResetSteps reset = new ResetSteps(pages, NODE2.realmUrl());
    reset.openForm("en");
    nextRequestTo(NODE1);
    String reference = reset.requestOtp(holder);
    assertEquals(NODE1, shownBy());
    Mail otpMail = mailbox.awaitMessage(1);
    assertTrue(otpMail.text().contains(reference));

    kill(NODE1);
    nextRequestTo(NODE2);
    reset.verifyOtp(otpMail.otp());
    assertEquals(NODE2, shownBy());
    reset.requestTemporaryPassword();
    assertTrue(mailbox.awaitMessage(2).text().contains(reference));
  }

  @Test
  void enrollmentFinishesOnTheSurvivorWhenTheNodeThatShowedTheQrCodeDies() throws Exception {
    Holder holder = newHolder();
    GfmisClient gfmis = new GfmisClient(NODE2.realmUrl());
    pages.openSignedOut(NODE1.realmUrl(), onNode(NODE1, gfmis.authorizationUrl("en")));
    pages.awaitShown("username");
    pages.signIn(holder.userId(), holder.password());
    String qr = new SoftTokenSteps(pages).readQrCode();
    assertEquals(NODE1, shownBy());

    kill(NODE1);
    SoftTokenDevice device = enrollAt(NODE2, qr, "Survivor phone");
    nextRequestTo(NODE2);
    pages.click("gfmis-softtoken-check");
    pages.awaitShown("gfmis-softtoken-device-name");
    assertEquals("Survivor phone", pages.text("gfmis-softtoken-device-name"));
    pages.click("gfmis-softtoken-continue");
    JsonNode tokens = gfmis.exchange(pages.awaitCallback());
    assertEquals("gfmis-softtoken", acr(tokens));
    assertEquals("active", device.status().state());
  }
}
