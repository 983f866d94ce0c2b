package th.gfmis.keycloak.domain;

import java.util.Optional;

/**
 * A Thai citizen ID (เลขประจำตัวประชาชน): 13 digits, the last one a check digit. Users may type it
 * with dashes or spaces (for example {@code 2-3456-87383-51-8}).
 *
 * <p>{@link #toString()} never reveals the number: a CID is personal data and must not reach logs.
 */
public final class CitizenId {

  private static final int LENGTH = 13;

  private final String digits;

  private CitizenId(String digits) {
    this.digits = digits;
  }

  /** Parses user input; empty when it is not 13 digits with a correct check digit. */
  public static Optional<CitizenId> parse(String input) {
    if (input == null || input.length() > 32) {
      return Optional.empty();
    }
    String digits = input.replace("-", "").replace(" ", "");
    if (digits.length() != LENGTH || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    if (checkDigit(digits) != digits.charAt(LENGTH - 1) - '0') {
      return Optional.empty();
    }
    return Optional.of(new CitizenId(digits));
  }

  /** {@code (11 − Σ d[i]·(13−i) mod 11) mod 10} over the first twelve digits. */
  static int checkDigit(String digits) {
    int sum = 0;
    for (int i = 0; i < LENGTH - 1; i++) {
      sum += (digits.charAt(i) - '0') * (LENGTH - i);
    }
    return (11 - sum % 11) % 10;
  }

  /** The thirteen digits, without separators; for hashing, never for display or logging. */
  public String digits() {
    return digits;
  }

  /** The last four digits, which are safe to show to the holder and to administrators. */
  public String lastFour() {
    return digits.substring(LENGTH - 4);
  }

  /** A masked form for display, e.g. {@code x-xxxx-xxxxx-51-8}. */
  public String masked() {
    return "x-xxxx-xxxxx-" + digits.substring(10, 12) + "-" + digits.charAt(12);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CitizenId that && digits.equals(that.digits);
  }

  @Override
  public int hashCode() {
    return digits.hashCode();
  }

  @Override
  public String toString() {
    return "CitizenId[" + masked() + "]";
  }
}
