package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.NOW;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.RANDOM;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.assertRefused;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChallengePushTest {

  private static PendingChallenge challenge(String clientName) {
    return new PendingChallenge(
        Base64Urls.random(RANDOM, SoftTokenProtocol.CHALLENGE_ID_BYTES),
        ChallengeResponses.newNonce(RANDOM),
        "gfmis",
        clientName,
        NOW,
        NOW.plusSeconds(120),
        "Chrome on Windows",
        "203.0.113.7",
        List.of(12, 47, 83));
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void theMessageCarriesTheIdAndTheChallengeAsListed() throws Exception {
    PendingChallenge listed = challenge("ระบบ GFMIS ใหม่");
    byte[] message = ChallengePush.plaintext(listed);
    String listedJson = SoftTokenJson.write(listed);
    assertEquals(
        "{\"challengeId\":\"" + listed.id() + "\",\"challenge\":" + listedJson + "}",
        text(message));
    ChallengePush read = ChallengePush.read(message);
    assertEquals(listed.id(), read.challengeId());
    assertEquals(Optional.of(listed), read.listedChallenge());
  }

  @Test
  void aMessageThatWouldNotFitCarriesOnlyTheId() throws Exception {
    // Thai takes 3 bytes a character: a client name of 1400 characters alone exceeds the limit.
    PendingChallenge big = challenge("ก".repeat(1400));
    byte[] message = ChallengePush.plaintext(big);
    assertEquals("{\"challengeId\":\"" + big.id() + "\"}", text(message));
    assertEquals(Optional.empty(), ChallengePush.read(message).listedChallenge());

    // Just at the limit it still carries the challenge.
    PendingChallenge small = challenge("");
    int room = ChallengePush.MAX_PLAINTEXT_BYTES - ChallengePush.plaintext(small).length;
    PendingChallenge exact = challenge("a".repeat(room));
    assertEquals(ChallengePush.MAX_PLAINTEXT_BYTES, ChallengePush.plaintext(exact).length);
    assertTrue(ChallengePush.read(ChallengePush.plaintext(exact)).listedChallenge().isPresent());
    PendingChallenge over = challenge("a".repeat(room + 1));
    assertTrue(ChallengePush.plaintext(over).length < 100);
  }

  @Test
  void anOlderMessageOrABrokenChallengeMeansListing() throws Exception {
    PendingChallenge listed = challenge("GFMIS");
    String id = listed.id();
    // The message of servers before the challenge was pushed.
    assertEquals(
        Optional.empty(),
        ChallengePush.read(("{\"challengeId\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8))
            .listedChallenge());
    String[] unusable = {
      // another challenge's id
      SoftTokenJson.write(new ChallengePush(id, challenge("GFMIS"))),
      // no or a short nonce
      SoftTokenJson.write(
          new ChallengePush(
              id,
              new PendingChallenge(
                  id, null, "gfmis", "GFMIS", NOW, NOW, null, null, List.of(1, 2, 3)))),
      SoftTokenJson.write(
          new ChallengePush(
              id,
              new PendingChallenge(
                  id, "abc", "gfmis", "GFMIS", NOW, NOW, null, null, List.of(1, 2, 3)))),
      // no times
      SoftTokenJson.write(
          new ChallengePush(
              id,
              new PendingChallenge(
                  id, listed.nonce(), "gfmis", "GFMIS", null, null, null, null, List.of()))),
    };
    for (String message : unusable) {
      assertEquals(
          Optional.empty(),
          ChallengePush.read(message.getBytes(StandardCharsets.UTF_8)).listedChallenge(),
          message);
    }
    String[] refused = {
      "{}",
      "{\"challengeId\":\"short\"}",
      "{\"challengeId\":\"" + id + "=\"}",
      "{\"challengeId\":42}",
      "{\"challengeId\":\"" + id + "\",\"challenge\":{\"expiresAt\":\"tomorrow\"}}",
      "[]",
      "not json",
    };
    for (String message : refused) {
      assertRefused(
          SoftTokenError.INVALID_REQUEST,
          () -> ChallengePush.read(message.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
