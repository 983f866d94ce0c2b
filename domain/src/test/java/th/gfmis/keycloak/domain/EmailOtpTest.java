package th.gfmis.keycloak.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmailOtpTest {

  private final KeyedHash hasher =
      new KeyedHash("unit-test-key-0123456789".getBytes(StandardCharsets.UTF_8));
  private final OtpPolicy policy =
      new OtpPolicy(6, 6, Duration.ofMinutes(10), 3, Duration.ofMinutes(60));
  private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void theIssuedCodeMatchesAndNothingElseDoes() {
    EmailOtp.Issued issued = EmailOtp.issue(new OneTimeCodes(), hasher, now, policy);
    assertEquals(6, issued.code().length());
    assertTrue(issued.code().chars().allMatch(Character::isDigit));
    assertFalse(issued.otp().hash().contains(issued.code()));
    assertEquals(EmailOtp.Outcome.VALID, issued.otp().check(issued.code(), hasher, now, policy));
    assertEquals(
        EmailOtp.Outcome.VALID, issued.otp().check(" " + issued.code() + " ", hasher, now, policy));
    String wrong = issued.code().equals("000000") ? "000001" : "000000";
    assertEquals(EmailOtp.Outcome.WRONG, issued.otp().check(wrong, hasher, now, policy));
    assertEquals(EmailOtp.Outcome.WRONG, issued.otp().check("", hasher, now, policy));
    assertEquals(EmailOtp.Outcome.WRONG, issued.otp().check(null, hasher, now, policy));
    assertEquals(EmailOtp.Outcome.WRONG, issued.otp().check("１２３４５６", hasher, now, policy));
  }

  @Test
  void aCodeHashedUnderAnotherKeyDoesNotMatch() {
    EmailOtp.Issued issued = EmailOtp.issue(new OneTimeCodes(), hasher, now, policy);
    KeyedHash otherKey = new KeyedHash("another-key-0123456789".getBytes(StandardCharsets.UTF_8));
    assertEquals(EmailOtp.Outcome.WRONG, issued.otp().check(issued.code(), otherKey, now, policy));
  }

  @Test
  void expiresAtTheEndOfItsLifetime() {
    EmailOtp.Issued issued = EmailOtp.issue(new OneTimeCodes(), hasher, now, policy);
    Instant justBefore = now.plus(policy.lifetime()).minusSeconds(1);
    assertEquals(
        EmailOtp.Outcome.VALID, issued.otp().check(issued.code(), hasher, justBefore, policy));
    assertEquals(
        EmailOtp.Outcome.EXPIRED,
        issued.otp().check(issued.code(), hasher, now.plus(policy.lifetime()), policy));
  }

  @Test
  void locksAfterTheAllowedWrongGuessesEvenForTheRightCode() {
    EmailOtp.Issued issued = EmailOtp.issue(new OneTimeCodes(), hasher, now, policy);
    EmailOtp otp = issued.otp();
    for (int i = 0; i < policy.maxWrongGuesses(); i++) {
      assertEquals(policy.maxWrongGuesses() - i, otp.guessesLeft(policy));
      otp = otp.afterWrongGuess();
    }
    assertEquals(0, otp.guessesLeft(policy));
    assertEquals(EmailOtp.Outcome.LOCKED, otp.check(issued.code(), hasher, now, policy));
  }

  @Test
  void survivesTheRoundTripThroughItsStoredForm() {
    EmailOtp otp = EmailOtp.issue(new OneTimeCodes(), hasher, now, policy).otp().afterWrongGuess();
    assertEquals(otp, EmailOtp.deserialize(otp.serialize()));
    assertThrows(IllegalArgumentException.class, () -> EmailOtp.deserialize("a|b|c"));
  }

  @Test
  void codesAndReferencesVary() {
    OneTimeCodes codes = new OneTimeCodes();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      seen.add(codes.digits(6));
    }
    assertTrue(seen.size() > 190, "200 six-digit codes should almost never repeat");
    String reference = codes.reference(6);
    assertTrue(reference.matches("[A-HJ-NP-Z2-9]{6}"), reference);
    assertNotEquals(codes.reference(12), codes.reference(12));
  }

  @Test
  void refusesNonsensePolicies() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new OtpPolicy(4, 6, Duration.ofMinutes(1), 3, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class, () -> new OtpPolicy(6, 6, Duration.ZERO, 3, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> new OtpPolicy(6, 6, Duration.ofMinutes(1), 0, Duration.ZERO));
  }
}
