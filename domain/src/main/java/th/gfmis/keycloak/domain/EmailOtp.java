package th.gfmis.keycloak.domain;

import java.time.Instant;

/**
 * A one-time code sent by e-mail, as the server keeps it: only its keyed hash, the reference code
 * shown to the user, its expiry and how many wrong guesses it has taken.
 *
 * <p>The record is immutable; {@link #afterWrongGuess()} returns the state to store after a miss.
 */
public record EmailOtp(String hash, String reference, Instant expiresAt, int wrongGuesses) {

  /** Hash context, so that an OTP hash can never be confused with another kind of hash. */
  public static final String HASH_CONTEXT = "email-otp";

  /** What a guess amounted to. */
  public enum Outcome {
    VALID,
    WRONG,
    EXPIRED,
    LOCKED
  }

  /** Issues a fresh OTP; the plain code is returned beside the state and never stored. */
  public static Issued issue(OneTimeCodes codes, KeyedHash hasher, Instant now, OtpPolicy policy) {
    String code = codes.digits(policy.length());
    String reference = codes.reference(policy.referenceLength());
    EmailOtp otp =
        new EmailOtp(
            hasher.hash(HASH_CONTEXT + ":" + reference, code),
            reference,
            now.plus(policy.lifetime()),
            0);
    return new Issued(code, otp);
  }

  /** A freshly issued OTP: the code to send, and the state to keep. */
  public record Issued(String code, EmailOtp otp) {}

  /**
   * Checks a guess. A code that has expired, or that has already taken the allowed number of wrong
   * guesses, is refused whatever the guess.
   */
  public Outcome check(String guess, KeyedHash hasher, Instant now, OtpPolicy policy) {
    if (wrongGuesses >= policy.maxWrongGuesses()) {
      return Outcome.LOCKED;
    }
    if (!now.isBefore(expiresAt)) {
      return Outcome.EXPIRED;
    }
    String normalized = guess == null ? "" : guess.strip();
    boolean wellFormed =
        normalized.length() == policy.length() && normalized.chars().allMatch(Character::isDigit);
    if (wellFormed && hasher.matches(HASH_CONTEXT + ":" + reference, normalized, hash)) {
      return Outcome.VALID;
    }
    return Outcome.WRONG;
  }

  public EmailOtp afterWrongGuess() {
    return new EmailOtp(hash, reference, expiresAt, wrongGuesses + 1);
  }

  /** Wrong guesses left before the code is locked. */
  public int guessesLeft(OtpPolicy policy) {
    return Math.max(0, policy.maxWrongGuesses() - wrongGuesses);
  }

  /** A compact single-line form for storage in an authentication-session note. */
  public String serialize() {
    return String.join(
        "|",
        hash,
        reference,
        Long.toString(expiresAt.getEpochSecond()),
        Integer.toString(wrongGuesses));
  }

  /** Reads {@link #serialize()}'s form back; throws on anything else. */
  public static EmailOtp deserialize(String stored) {
    String[] parts = stored.split("\\|", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("malformed stored OTP");
    }
    return new EmailOtp(
        parts[0],
        parts[1],
        Instant.ofEpochSecond(Long.parseLong(parts[2])),
        Integer.parseInt(parts[3]));
  }
}
