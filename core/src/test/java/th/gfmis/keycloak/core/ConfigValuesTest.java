package th.gfmis.keycloak.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConfigValuesTest {

  @Test
  void readsWhatAnOperatorTypedAndFallsBackOnMistakes() {
    assertEquals(60, ConfigValues.number(" 60 ", 10, 0));
    assertEquals(0, ConfigValues.number("0", 10, 0));
    assertEquals(10, ConfigValues.number("0", 10, 1), "below the minimum");
    assertEquals(10, ConfigValues.number("-5", 10, 0));
    assertEquals(10, ConfigValues.number("ten", 10, 0));
    assertEquals(10, ConfigValues.number("", 10, 0));
    assertEquals(10, ConfigValues.number(null, 10, 0));
    assertEquals(10L, ConfigValues.number("99999999999999999999", 10L, 0L), "overflow");
  }
}
