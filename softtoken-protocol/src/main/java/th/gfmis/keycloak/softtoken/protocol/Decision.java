package th.gfmis.keycloak.softtoken.protocol;

import java.util.Optional;

/** The holder's decision on a login challenge. */
public enum Decision {
  /** Sign-in approved (requires the matching number). */
  APPROVE(SoftTokenProtocol.DECISION_APPROVE),
  /** Sign-in denied. */
  DENY(SoftTokenProtocol.DECISION_DENY);

  private final String wire;

  Decision(String wire) {
    this.wire = wire;
  }

  /**
   * The wire value.
   *
   * @return {@code approve} or {@code deny}
   */
  public String wire() {
    return wire;
  }

  /**
   * Parses a wire value exactly (case-sensitive).
   *
   * @param wire the value
   * @return the decision, empty when unknown
   */
  public static Optional<Decision> fromWire(String wire) {
    for (Decision d : values()) {
      if (d.wire.equals(wire)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
