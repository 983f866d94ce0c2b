package th.gfmis.keycloak.softtoken.server.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeOutcomeTest {

  /** The reasons gfmis-softtoken-result.ftl knows, and the event errors' suffixes. */
  @Test
  void theResultPageKnowsEveryOutcomeByItsWireName() {
    assertEquals(
        List.of("approved", "denied", "wrong_number", "expired", "replaced", "locked", "throttled"),
        Arrays.stream(ChallengeOutcome.values()).map(ChallengeOutcome::wire).toList());
    for (ChallengeOutcome outcome : ChallengeOutcome.values()) {
      assertEquals(outcome, ChallengeOutcome.fromWire(outcome.wire()).orElseThrow());
    }
    assertTrue(ChallengeOutcome.fromWire("pending").isEmpty());
  }
}
