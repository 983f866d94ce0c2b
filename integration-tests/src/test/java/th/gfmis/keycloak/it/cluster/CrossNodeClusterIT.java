package th.gfmis.keycloak.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static th.gfmis.keycloak.it.cluster.ClusterNode.NODE1;
import static th.gfmis.keycloak.it.cluster.ClusterNode.NODE2;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Mailbox.Mail;
import th.gfmis.keycloak.it.support.ResetSteps;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;

/**
 * Each flow crosses the two nodes at every step: the page one node renders is submitted to the
 * other, the phone talks to the node the browser is not on, the code is redeemed elsewhere again.
 * What one step leaves behind (authentication session, challenge, activation code, OTP) must be
 * seen by the other node.
 */
class CrossNodeClusterIT extends AbstractClusterIT {

  @Test
  void enrollmentStartedOnOneNodeIsCompletedOnTheOther() throws Exception {
    Holder holder = newHolder();
    GfmisClient gfmis = new GfmisClient(NODE1.realmUrl());
    pages.open(gfmis.authorizationUrl("en"));
    pages.signIn(holder.userId(), holder.password());
    String qr = new SoftTokenSteps(pages).readQrCode();
    assertEquals(NODE1, shownBy(), "node1 shows Get Certificate");

    // The phone enrolls at node2; node1's page sees it and continues, to node2.
    nextRequestTo(NODE2);
    SoftTokenDevice device = enrollAt(NODE2, qr, "Cluster phone");
    pages.awaitShown("gfmis-softtoken-device-name");
    assertEquals(NODE2, shownBy());
    assertEquals("Cluster phone", pages.text("gfmis-softtoken-device-name"));

    nextRequestTo(NODE1);
    pages.click("gfmis-softtoken-continue");
    JsonNode tokens = gfmis.exchange(pages.awaitCallback());
    assertEquals("gfmis-softtoken", acr(tokens));
    assertEquals("active", device.status().state());
  }

  @Test
  void softTokenSignInAlternatesNodesWhileThePhoneTalksToTheOther() throws Exception {
    Holder holder = newHolder();
    SoftTokenDevice device = enrolledAt(NODE2, holder);

    // The sign-in page from node2, the password checked by node1, which shows the number.
    GfmisClient gfmis = new GfmisClient(NODE1.realmUrl());
    pages.openSignedOut(NODE2.realmUrl(), onNode(NODE2, gfmis.authorizationUrl("en")));
    pages.awaitShown("username");
    assertEquals(NODE2, shownBy());
    nextRequestTo(NODE1);
    pages.signIn(holder.userId(), holder.password());
    SoftTokenSteps steps = new SoftTokenSteps(pages);
    int number = steps.shownNumber();
    assertEquals(NODE1, shownBy(), "node1 made the challenge and shows its number");

    // The phone, at node2, approves; node1's page sees it and continues, to node2.
    nextRequestTo(NODE2);
    var challenge = SoftTokenSteps.awaitChallenge(device);
    assertTrue(challenge.numberChoices().contains(number), challenge.toString());
    assertEquals("approved", device.approve(challenge.id(), number).status());
    JsonNode tokens = gfmis.exchange(pages.awaitCallback());
    assertEquals("gfmis-softtoken", acr(tokens));
    assertEquals(
        holder.username(),
        GfmisClient.claims(tokens.get("id_token").asText()).get("preferred_username").asText());
  }

  @Test
  void resetOtpRequestedOnOneNodeIsVerifiedOnTheOther() throws Exception {
    Holder holder = newHolder();
    ResetSteps reset = new ResetSteps(pages, NODE1.realmUrl());
    GfmisClient gfmis = reset.openForm("en");
    assertEquals(NODE1, shownBy());

    nextRequestTo(NODE2);
    String reference = reset.requestOtp(holder);
    assertEquals(NODE2, shownBy(), "node2 sent the OTP");
    Mail otpMail = mailbox.awaitMessage(1);
    assertTrue(otpMail.text().contains(reference));

    nextRequestTo(NODE1);
    reset.verifyOtp(otpMail.otp());
    assertEquals(NODE1, shownBy(), "node1 verified node2's OTP");

    nextRequestTo(NODE2);
    reset.requestTemporaryPassword();
    String temporaryPassword = mailbox.awaitMessage(2).temporaryPassword();

    nextRequestTo(NODE1);
    pages.signIn(holder.userId(), temporaryPassword);
    pages.awaitShown("gfmis-change-instruction");
    nextRequestTo(NODE2);
    pages.changePassword("Cluster#Own2026pw", "Cluster#Own2026pw");
    JsonNode tokens = gfmis.exchange(pages.awaitCallback());
    assertEquals("gfmis-softtoken", acr(tokens));
  }

  /** Signs in once with the password and enrolls a device that talks to {@code node}. */
  private SoftTokenDevice enrolledAt(ClusterNode node, Holder holder) throws Exception {
    GfmisClient gfmis = new GfmisClient(node.other().realmUrl());
    pages.open(gfmis.authorizationUrl("en"));
    pages.signIn(holder.userId(), holder.password());
    SoftTokenDevice device = enrollAt(node, new SoftTokenSteps(pages).readQrCode(), "Phone");
    pages.awaitShown("gfmis-softtoken-device-name");
    pages.click("gfmis-softtoken-continue");
    gfmis.exchange(pages.awaitCallback());
    return device;
  }

  static String onNode(ClusterNode node, String url) {
    return url.replace(node.other().baseUrl(), node.baseUrl());
  }

  static String acr(JsonNode tokens) throws Exception {
    return GfmisClient.claims(tokens.get("id_token").asText()).get("acr").asText();
  }
}
