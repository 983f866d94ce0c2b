package th.gfmis.keycloak.domain;

import java.time.Duration;

/**
 * How e-mail OTPs are made and checked.
 *
 * @param length digits in the code
 * @param referenceLength characters in the reference code shown beside it
 * @param lifetime how long a code stays valid
 * @param maxWrongGuesses wrong guesses after which the code is dead
 * @param resendCooldown how long after sending a code the next one may be sent
 */
public record OtpPolicy(
    int length,
    int referenceLength,
    Duration lifetime,
    int maxWrongGuesses,
    Duration resendCooldown) {

  public OtpPolicy {
    if (length < 6 || length > 10) {
      throw new IllegalArgumentException("OTP length must be 6 to 10 digits");
    }
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("OTP lifetime must be positive");
    }
    if (maxWrongGuesses < 1) {
      throw new IllegalArgumentException("at least one guess must be allowed");
    }
    if (resendCooldown.isNegative()) {
      throw new IllegalArgumentException("the resend cooldown cannot be negative");
    }
  }
}
