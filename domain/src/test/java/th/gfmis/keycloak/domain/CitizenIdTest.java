package th.gfmis.keycloak.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CitizenIdTest {

  @Test
  void acceptsTheSourcesValidExampleWithOrWithoutDashes() {
    assertTrue(CitizenId.parse("2-3456-87383-51-8").isPresent());
    assertTrue(CitizenId.parse("2345687383518").isPresent());
    assertTrue(CitizenId.parse(" 2 3456 87383 51 8 ").isPresent());
    assertEquals(CitizenId.parse("2345687383518"), CitizenId.parse("2-3456-87383-51-8"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1234567890123", // the source shows it refused
        "2-3456-87383-51-1", // wrong check digit, as the source shows
        "234568738351", // 12 digits
        "23456873835188", // 14 digits
        "234568738351a",
        "๒๓๔๕๖๘๗๓๘๓๕๑๘", // Thai digits are not accepted
        "",
        "-------------"
      })
  void refusesMalformedOrWrongCheckDigit(String input) {
    assertFalse(CitizenId.parse(input).isPresent());
  }

  @Test
  void refusesNullAndOversizedInput() {
    assertFalse(CitizenId.parse(null).isPresent());
    assertFalse(CitizenId.parse("2".repeat(10_000)).isPresent());
  }

  @Test
  void checkDigitFollowsTheModElevenRule() {
    // sum = 2*13+3*12+4*11+5*10+6*9+8*8+7*7+3*6+8*5+3*4+5*3+1*2 = 410; 410 mod 11 = 3; 11-3 = 8
    assertEquals(8, CitizenId.checkDigit("234568738351"));
    // 1*13 = 13; 13 mod 11 = 2; 11-2 = 9
    assertEquals(9, CitizenId.checkDigit("100000000000"));
    // 1*2 = 2 (last weight); 11-2 = 9 ... and a sum divisible by 11 gives (11-0) mod 10 = 1
    assertEquals(1, CitizenId.checkDigit("000000000000"));
    // sum mod 11 = 1 gives (11-1) mod 10 = 0: 1*12 = 12, 12 mod 11 = 1
    assertEquals(0, CitizenId.checkDigit("010000000000"));
  }

  @Test
  void exposesOnlyMaskedFormsForDisplay() {
    CitizenId cid = CitizenId.parse("2-3456-87383-51-8").orElseThrow();
    assertEquals("3518", cid.lastFour());
    assertEquals("x-xxxx-xxxxx-51-8", cid.masked());
    assertFalse(cid.toString().contains("2345687383518"));
  }
}
