package th.gfmis.keycloak.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SmallHelpersTest {

  @Test
  void temporaryPasswordsHaveEveryCharacterClass() {
    TemporaryPasswords passwords = new TemporaryPasswords();
    for (int i = 0; i < 100; i++) {
      String password = passwords.generate(12);
      assertEquals(12, password.length());
      assertTrue(password.chars().filter(Character::isUpperCase).count() >= 2, password);
      assertTrue(password.chars().filter(Character::isLowerCase).count() >= 2, password);
      assertTrue(password.chars().filter(Character::isDigit).count() >= 2, password);
      assertTrue(password.chars().filter(c -> "!#%+=?@*".indexOf(c) >= 0).count() >= 2, password);
    }
    assertThrows(IllegalArgumentException.class, () -> passwords.generate(7));
  }

  @Test
  void masksTheLocalPartOfAnEmail() {
    assertEquals("so*****@cgd.go.th", MaskedEmail.mask("somchai@cgd.go.th"));
    assertEquals("a***@x.th", MaskedEmail.mask("ab@x.th"));
    assertEquals("***", MaskedEmail.mask("no-at-sign"));
  }

  @Test
  void showsBuddhistEraDatesInThai() {
    Instant instant = Instant.parse("2026-11-25T11:40:00Z");
    String thai = ThaiDates.format(instant, Locale.forLanguageTag("th"), ThaiDates.BANGKOK);
    assertTrue(thai.contains("2569"), thai);
    assertTrue(thai.contains("18:40"), thai);
    String english = ThaiDates.format(instant, Locale.ENGLISH, ThaiDates.BANGKOK);
    assertEquals("25 Nov 2026 18:40", english);
  }

  @Test
  void keyedHashesDependOnKeyAndContext() {
    KeyedHash hash = new KeyedHash("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    String h = hash.hash("cid", "2345687383518");
    assertTrue(hash.matches("cid", "2345687383518", h));
    assertFalse(hash.matches("otp", "2345687383518", h));
    assertFalse(hash.matches("cid", "2345687383517", h));
    assertFalse(hash.matches("cid", "2345687383518", null));
    assertThrows(IllegalArgumentException.class, () -> new KeyedHash(new byte[8]));
  }
}
