package th.gfmis.keycloak.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionTicketTest {

  private static final String SECRET = "q6mI0n1V3bQ0ZQm3l0p8qXc6Tn0sJx5JH2b3xYk8c1A";

  @Test
  void encodedTicketDecodesToTheSameTabClientAndSecret() {
    SessionTicket state = new SessionTicket("tAb-1_x", "gfmis.app/portal", SECRET);
    assertEquals(Optional.of(state), SessionTicket.decode(state.encoded()));
  }

  @Test
  void theEncodedFormIsUrlSafe() {
    String encoded = new SessionTicket("tab", "ไคลเอนต์ ?&=#", SECRET).encoded();
    assertTrue(encoded.matches("[A-Za-z0-9_.-]+"), encoded);
  }

  @Test
  void malformedTicketsAreRefused() {
    assertEquals(Optional.empty(), SessionTicket.decode(null));
    assertEquals(Optional.empty(), SessionTicket.decode(""));
    assertEquals(Optional.empty(), SessionTicket.decode(SECRET));
    assertEquals(Optional.empty(), SessionTicket.decode(SECRET + ".dGFi"));
    assertEquals(Optional.empty(), SessionTicket.decode(SECRET + ".dGFi.Y2xp.extra"));
    assertEquals(Optional.empty(), SessionTicket.decode(".dGFi.Y2xp"));
    assertEquals(Optional.empty(), SessionTicket.decode(SECRET + "..Y2xp"));
    assertEquals(Optional.empty(), SessionTicket.decode(SECRET + ".dGFi.***"));
    assertEquals(Optional.empty(), SessionTicket.decode("a".repeat(2000) + ".dGFi.Y2xp"));
  }

  @Test
  void onlyTheIssuedSecretMatches() {
    SessionTicket state = new SessionTicket("tab", "client", SECRET);
    assertTrue(state.matches(SECRET));
    assertFalse(state.matches(null));
    assertFalse(state.matches(SECRET.substring(1)));
    assertFalse(state.matches(SECRET.replace('q', 'r')));
  }

  @Test
  void aTicketIsUsedUpByItsFirstReturn() {
    FakeAuthSession authSession = new FakeAuthSession("tab", "client");
    SessionTicket issued = SessionTicket.issue(authSession.model(), SessionTicket.Use.PROOFING);
    SessionTicket returned = SessionTicket.decode(issued.encoded()).orElseThrow();
    assertEquals("tab", returned.tabId());
    assertEquals("client", returned.clientId());

    assertTrue(returned.consume(authSession.model(), SessionTicket.Use.PROOFING));
    assertFalse(returned.consume(authSession.model(), SessionTicket.Use.PROOFING), "replay");
  }

  @Test
  void aForgedSecretIsRefusedAndUsesUpTheIssuedTicket() {
    FakeAuthSession authSession = new FakeAuthSession("tab", "client");
    SessionTicket issued = SessionTicket.issue(authSession.model(), SessionTicket.Use.PROOFING);
    SessionTicket forged = new SessionTicket("tab", "client", SECRET);

    assertFalse(forged.consume(authSession.model(), SessionTicket.Use.PROOFING));
    assertFalse(issued.consume(authSession.model(), SessionTicket.Use.PROOFING));
  }

  @Test
  void eachIssueHasItsOwnSecret() {
    FakeAuthSession authSession = new FakeAuthSession("tab", "client");
    SessionTicket first = SessionTicket.issue(authSession.model(), SessionTicket.Use.PROOFING);
    SessionTicket second = SessionTicket.issue(authSession.model(), SessionTicket.Use.PROOFING);
    assertFalse(first.secret().equals(second.secret()));
    assertFalse(
        first.consume(authSession.model(), SessionTicket.Use.PROOFING),
        "an earlier round trip's state");
  }

  @Test
  void aTicketForOneUseDoesNotServeAnother() {
    FakeAuthSession authSession = new FakeAuthSession("tab", "client");
    SessionTicket proofing = SessionTicket.issue(authSession.model(), SessionTicket.Use.PROOFING);
    assertFalse(proofing.consume(authSession.model(), SessionTicket.Use.IDENTIFY_FORM));
    assertTrue(proofing.consume(authSession.model(), SessionTicket.Use.PROOFING));
  }

  @Test
  void toStringHasNoSecret() {
    assertFalse(new SessionTicket("tab", "client", SECRET).toString().contains(SECRET));
  }
}
