package th.gfmis.keycloak.authenticators.reset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.core.throttle.UserLimit;

/**
 * Permission to e-mail one reset OTP: the resend interval of the user and client address (R-Q2) and
 * the per-user mail cap, both claimed atomically before the mail is sent, both given back when the
 * mail server refuses the message.
 */
final class MailPermit {

  private final ClaimedLimits claims;

  private MailPermit(ClaimedLimits claims) {
    this.claims = claims;
  }

  static MailPermit ask(
      ResetThrottles throttles,
      UserModel user,
      String address,
      ResetSettings settings,
      Instant now) {
    List<UserLimit> limits = new ArrayList<>();
    if (settings.otpPolicy().resendCooldown().toSeconds() >= 1) {
      limits.add(throttles.otpInterval(user, address));
    }
    limits.add(throttles.otpMails(user));
    return new MailPermit(ClaimedLimits.claim(now, limits));
  }

  boolean allowed() {
    return claims.allowed();
  }

  /** How long to wait when not allowed. */
  Duration waitFor() {
    return claims.blockedFor();
  }

  /** The mail went out: both limits count it. */
  void used() {
    claims.counted();
  }

  /** The mail did not go out: both limits are given back. */
  void giveBack() {
    claims.givenBack();
  }
}
