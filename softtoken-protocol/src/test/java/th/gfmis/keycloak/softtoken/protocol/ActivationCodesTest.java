package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActivationCodesTest {

  @Test
  void codesAre256BitBase64Url() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String code = ActivationCodes.generate(TestSupport.RANDOM);
      assertEquals(43, code.length());
      assertTrue(code.matches("[A-Za-z0-9_-]{43}"), code);
      assertTrue(ActivationCodes.isWellFormed(code));
      assertEquals(32, Base64Urls.decode(code).length);
      assertTrue(seen.add(code));
    }
  }

  @Test
  void hashIsStableAndNotTheCode() {
    String code = ActivationCodes.generate(TestSupport.RANDOM);
    String hash = ActivationCodes.hash(code);
    assertEquals(hash, ActivationCodes.hash(code));
    assertNotEquals(code, hash);
    assertTrue(ActivationCodes.matches(code, hash));
    assertFalse(ActivationCodes.matches(ActivationCodes.generate(TestSupport.RANDOM), hash));
    assertFalse(ActivationCodes.matches(hash, hash));
    assertFalse(ActivationCodes.matches(null, hash));
  }

  @Test
  void refusesMalformedCodes() {
    String code = ActivationCodes.generate(TestSupport.RANDOM);
    assertFalse(ActivationCodes.isWellFormed(null));
    assertFalse(ActivationCodes.isWellFormed(""));
    assertFalse(ActivationCodes.isWellFormed(code.substring(1)));
    assertFalse(ActivationCodes.isWellFormed(code + "A"));
    assertFalse(ActivationCodes.isWellFormed(code.substring(1) + "="));
    assertFalse(ActivationCodes.isWellFormed(code.substring(1) + "+"));
  }
}
