package th.gfmis.keycloak.softtoken.protocol;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Number matching against push fatigue: the browser shows one two-digit number; the device either
 * offers three distinct two-digit numbers and only picking the shown one approves ({@link
 * Mode#PICK}), or asks the holder to type the shown number ({@link Mode#TYPE}: a blind tap never
 * approves).
 */
public final class NumberMatching {

  private NumberMatching() {}

  /**
   * Draws the numbers of a new challenge.
   *
   * @param random a {@link SecureRandom}
   * @return the displayed number and the three choices in random order
   */
  public static Numbers generate(SecureRandom random) {
    int span = SoftTokenProtocol.MAX_NUMBER - SoftTokenProtocol.MIN_NUMBER + 1;
    Set<Integer> picked = new HashSet<>();
    List<Integer> choices = new ArrayList<>();
    while (choices.size() < SoftTokenProtocol.NUMBER_CHOICES) {
      int n = SoftTokenProtocol.MIN_NUMBER + random.nextInt(span);
      if (picked.add(n)) {
        choices.add(n);
      }
    }
    int displayed = choices.get(random.nextInt(choices.size()));
    return new Numbers(displayed, List.copyOf(choices));
  }

  /**
   * Whether a number is in the range of the protocol (10..99).
   *
   * @param n the number
   * @return true when in range
   */
  public static boolean inRange(int n) {
    return n >= SoftTokenProtocol.MIN_NUMBER && n <= SoftTokenProtocol.MAX_NUMBER;
  }

  /**
   * The numbers of one challenge.
   *
   * @param displayed the number the browser shows
   * @param choices the three numbers the device offers (one of them is {@code displayed})
   */
  public record Numbers(int displayed, List<Integer> choices) {}

  /** How the holder matches the number (member {@code numberMatching} of a pending challenge). */
  public enum Mode {
    /** Pick the shown number among the three {@code numberChoices}. */
    PICK("pick"),
    /** Type the shown number; the challenge lists no choices. */
    TYPE("type");

    private final String wire;

    Mode(String wire) {
      this.wire = wire;
    }

    /** The value on the wire and in the operator setting. */
    public String wire() {
      return wire;
    }

    /** The mode named by {@code value} (exact, lower case), if any. */
    public static Optional<Mode> fromWire(String value) {
      for (Mode mode : values()) {
        if (mode.wire.equals(value)) {
          return Optional.of(mode);
        }
      }
      return Optional.empty();
    }
  }
}
