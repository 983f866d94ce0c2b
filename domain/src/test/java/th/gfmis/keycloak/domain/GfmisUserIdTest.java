package th.gfmis.keycloak.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GfmisUserIdTest {

  @Test
  void acceptsTheSourcesExampleInEitherCase() {
    assertEquals("T05005000000101", GfmisUserId.parse("T05005000000101").orElseThrow().value());
    assertEquals("T05005000000101", GfmisUserId.parse(" t05005000000101 ").orElseThrow().value());
    assertEquals("t05005000000101", GfmisUserId.parse("T05005000000101").orElseThrow().username());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "T0500500000010", // 14 characters
        "T050050000001011", // 16 characters
        "505005000000101", // no leading letter
        "TT5005000000101",
        "T05005-00000101",
        "Ｔ05005000000101", // full-width letter
        "ท05005000000101",
        ""
      })
  void refusesAnythingElse(String input) {
    assertFalse(GfmisUserId.parse(input).isPresent());
  }

  @Test
  void refusesNullAndOversizedInput() {
    assertFalse(GfmisUserId.parse(null).isPresent());
    assertFalse(GfmisUserId.parse("T".repeat(5000)).isPresent());
  }
}
