package th.gfmis.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PkceTest {

  @Test
  void s256ChallengeMatchesTheExampleOfRfc7636AppendixB() {
    assertEquals(
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
  }

  @Test
  void randomTokensAreValidVerifiersAndDiffer() {
    String first = Pkce.randomToken();
    String second = Pkce.randomToken();
    assertTrue(first.matches("[A-Za-z0-9_-]{43}"), first);
    assertNotEquals(first, second);
    assertEquals(43, Pkce.challenge(first).length());
  }

  @Test
  void rejectsVerifiersOutsideTheRfcAlphabetOrLength() {
    assertThrows(IllegalArgumentException.class, () -> Pkce.challenge("too-short"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Pkce.challenge("dBjftJeZ4CVP+mB92K27uhbUJU1p1r/wW1gFWFOEjXk"));
    assertThrows(IllegalArgumentException.class, () -> Pkce.challenge("a".repeat(129)));
  }
}
