package th.gfmis.keycloak.softtoken.server.login;

import java.util.Arrays;
import java.util.Optional;

/**
 * What became of the Soft Token step of a sign-in, as the browser's result page learns it: the
 * answer to a challenge, or why no challenge was made ({@link #LOCKED}, {@link #THROTTLED}).
 */
public enum ChallengeOutcome {
  APPROVED("approved"),
  DENIED("denied"),
  WRONG_NUMBER("wrong_number"),
  EXPIRED("expired"),
  /** A newer sign-in of the same user replaced this challenge. */
  REPLACED("replaced"),
  /** Too many denials and wrong numbers from this client address: no challenge is made. */
  LOCKED("locked"),
  /** Too many new challenges from this client address, or too many pending: none is made. */
  THROTTLED("throttled");

  private final String wire;

  ChallengeOutcome(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<ChallengeOutcome> fromWire(String wire) {
    return Arrays.stream(values()).filter(o -> o.wire.equals(wire)).findFirst();
  }
}
