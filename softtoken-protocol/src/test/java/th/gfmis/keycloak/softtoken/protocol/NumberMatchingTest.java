package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NumberMatchingTest {

  @Test
  void threeDistinctTwoDigitNumbersOneDisplayed() {
    Set<Integer> positions = new HashSet<>();
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      NumberMatching.Numbers n = NumberMatching.generate(TestSupport.RANDOM);
      assertEquals(3, n.choices().size());
      assertEquals(3, new HashSet<>(n.choices()).size(), n.toString());
      for (int c : n.choices()) {
        assertTrue(c >= 10 && c <= 99, n.toString());
        assertTrue(NumberMatching.inRange(c));
      }
      assertTrue(n.choices().contains(n.displayed()));
      positions.add(n.choices().indexOf(n.displayed()));
      seen.addAll(n.choices());
    }
    assertEquals(Set.of(0, 1, 2), positions, "the displayed number is at a random position");
    assertEquals(90, seen.size(), "every two-digit number occurs");
  }

  @Test
  void modesHaveExactLowerCaseNames() {
    assertEquals(NumberMatching.Mode.PICK, NumberMatching.Mode.fromWire("pick").orElseThrow());
    assertEquals(NumberMatching.Mode.TYPE, NumberMatching.Mode.fromWire("type").orElseThrow());
    assertTrue(NumberMatching.Mode.fromWire("TYPE").isEmpty());
    assertTrue(NumberMatching.Mode.fromWire(null).isEmpty());
  }
}
