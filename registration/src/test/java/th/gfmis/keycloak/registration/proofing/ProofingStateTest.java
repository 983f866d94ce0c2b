package th.gfmis.keycloak.registration.proofing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProofingStateTest {

  private static final String SECRET = "q6mI0n1V3bQ0ZQm3l0p8qXc6Tn0sJx5JH2b3xYk8c1A";

  @Test
  void encodedStateDecodesToTheSameTabClientAndSecret() {
    ProofingState state = new ProofingState("tAb-1_x", "gfmis.app/portal", SECRET);
    assertEquals(Optional.of(state), ProofingState.decode(state.encoded()));
  }

  @Test
  void theEncodedFormIsUrlSafe() {
    String encoded = new ProofingState("tab", "ไคลเอนต์ ?&=#", SECRET).encoded();
    assertTrue(encoded.matches("[A-Za-z0-9_.-]+"), encoded);
  }

  @Test
  void malformedStatesAreRefused() {
    assertEquals(Optional.empty(), ProofingState.decode(null));
    assertEquals(Optional.empty(), ProofingState.decode(""));
    assertEquals(Optional.empty(), ProofingState.decode(SECRET));
    assertEquals(Optional.empty(), ProofingState.decode(SECRET + ".dGFi"));
    assertEquals(Optional.empty(), ProofingState.decode(SECRET + ".dGFi.Y2xp.extra"));
    assertEquals(Optional.empty(), ProofingState.decode(".dGFi.Y2xp"));
    assertEquals(Optional.empty(), ProofingState.decode(SECRET + "..Y2xp"));
    assertEquals(Optional.empty(), ProofingState.decode(SECRET + ".dGFi.***"));
    assertEquals(Optional.empty(), ProofingState.decode("a".repeat(2000) + ".dGFi.Y2xp"));
  }

  @Test
  void onlyTheIssuedSecretMatches() {
    ProofingState state = new ProofingState("tab", "client", SECRET);
    assertTrue(state.matches(SECRET));
    assertFalse(state.matches(null));
    assertFalse(state.matches(SECRET.substring(1)));
    assertFalse(state.matches(SECRET.replace('q', 'r')));
  }

  @Test
  void aStateIsUsedUpByItsFirstReturn() {
    FakeAuthSession authSession = new FakeAuthSession("tab", "client");
    ProofingState issued = ProofingState.issue(authSession.model());
    ProofingState returned = ProofingState.decode(issued.encoded()).orElseThrow();
    assertEquals("tab", returned.tabId());
    assertEquals("client", returned.clientId());

    assertTrue(returned.consume(authSession.model()));
    assertFalse(returned.consume(authSession.model()), "replay");
  }

  @Test
  void aForgedSecretIsRefusedAndUsesUpTheIssuedState() {
    FakeAuthSession authSession = new FakeAuthSession("tab", "client");
    ProofingState issued = ProofingState.issue(authSession.model());
    ProofingState forged = new ProofingState("tab", "client", SECRET);

    assertFalse(forged.consume(authSession.model()));
    assertFalse(issued.consume(authSession.model()));
  }

  @Test
  void eachIssueHasItsOwnSecret() {
    FakeAuthSession authSession = new FakeAuthSession("tab", "client");
    ProofingState first = ProofingState.issue(authSession.model());
    ProofingState second = ProofingState.issue(authSession.model());
    assertFalse(first.secret().equals(second.secret()));
    assertFalse(first.consume(authSession.model()), "an earlier round trip's state");
  }

  @Test
  void toStringHasNoSecret() {
    assertFalse(new ProofingState("tab", "client", SECRET).toString().contains(SECRET));
  }
}
