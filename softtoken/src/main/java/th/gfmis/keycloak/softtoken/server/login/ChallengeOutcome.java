package th.gfmis.keycloak.softtoken.server.login;

import java.util.Arrays;
import java.util.Optional;

/** What became of a login challenge, as the browser page learns it. */
public enum ChallengeOutcome {
  APPROVED("approved"),
  DENIED("denied"),
  WRONG_NUMBER("wrong_number"),
  EXPIRED("expired"),
  /** A newer sign-in of the same user replaced this challenge. */
  REPLACED("replaced");

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
