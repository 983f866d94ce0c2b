package th.gfmis.keycloak.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoundSpreadTest {

  @Test
  void fourRoundsGiveTheirMeanAndStudentsInterval() {
    // By hand: mean 0.895; sample deviation sqrt(0.0065 / 3) = 0.046547; t(3, 0.975) = 3.182446;
    // half width 3.182446 * 0.046547 / 2 = 0.074068.
    RoundSpread spread = RoundSpread.of(0.94, 0.90, 0.83, 0.91).orElseThrow();

    assertEquals(4, spread.rounds());
    assertEquals(0.895, spread.mean(), 1e-9);
    assertEquals(0.895 - 0.074068, spread.low(), 1e-5);
    assertEquals(0.895 + 0.074068, spread.high(), 1e-5);
  }

  @Test
  void moreRoundsOfTheSameSpreadNarrowTheInterval() {
    RoundSpread two = RoundSpread.of(0.85, 0.95).orElseThrow();
    RoundSpread six = RoundSpread.of(0.85, 0.95, 0.85, 0.95, 0.85, 0.95).orElseThrow();

    assertEquals(two.mean(), six.mean(), 1e-9);
    assertTrue(six.high() - six.low() < (two.high() - two.low()) / 5, "six rounds: " + six);
  }

  @Test
  void equalRoundsHaveNoSpread() {
    RoundSpread spread = RoundSpread.of(0.9, 0.9, 0.9).orElseThrow();

    assertEquals(0.9, spread.low(), 1e-12);
    assertEquals(0.9, spread.high(), 1e-12);
  }

  @Test
  void oneRoundHasNoInterval() {
    assertTrue(RoundSpread.of(0.9).isEmpty());
    assertTrue(RoundSpread.of().isEmpty());
  }
}
