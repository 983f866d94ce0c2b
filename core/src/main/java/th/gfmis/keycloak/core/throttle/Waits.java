package th.gfmis.keycloak.core.throttle;

import java.time.Duration;

/** How a wait is told to the holder: in whole minutes, never "0 minutes". */
public final class Waits {

  private Waits() {}

  /** {@code duration} in minutes, rounded up, at least 1. */
  public static long minutesRoundedUp(Duration duration) {
    return Math.max(1, (duration.toSeconds() + 59) / 60);
  }
}
