package th.gfmis.keycloak.authenticators.reset;

import java.time.Duration;
import java.time.Instant;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.core.throttle.UserLimit;

/**
 * Permission to e-mail one reset OTP: the resend interval of the user and client address (R-Q2) and
 * the per-user mail cap, both claimed atomically before the mail is sent, both given back when the
 * mail server refuses the message.
 */
final class MailPermit {

  private final UserLimit interval;
  private final AttemptLimiter.Attempt intervalAttempt;
  private final UserLimit cap;
  private final AttemptLimiter.Attempt capAttempt;
  private final Duration wait;

  private MailPermit(
      UserLimit interval,
      AttemptLimiter.Attempt intervalAttempt,
      UserLimit cap,
      AttemptLimiter.Attempt capAttempt,
      Duration wait) {
    this.interval = interval;
    this.intervalAttempt = intervalAttempt;
    this.cap = cap;
    this.capAttempt = capAttempt;
    this.wait = wait;
  }

  static MailPermit ask(
      ResetThrottles throttles,
      UserModel user,
      String address,
      ResetSettings settings,
      Instant now) {
    UserLimit interval =
        settings.otpPolicy().resendCooldown().toSeconds() < 1
            ? null
            : throttles.otpInterval(user, address);
    AttemptLimiter.Attempt intervalAttempt = interval == null ? null : interval.claim(now);
    if (intervalAttempt != null && !intervalAttempt.allowed()) {
      return new MailPermit(null, null, null, null, intervalAttempt.blockedFor());
    }
    UserLimit cap = throttles.otpMails(user);
    AttemptLimiter.Attempt capAttempt = cap.claim(now);
    if (!capAttempt.allowed()) {
      if (intervalAttempt != null) {
        intervalAttempt.succeeded();
      }
      return new MailPermit(null, null, null, null, capAttempt.blockedFor());
    }
    return new MailPermit(interval, intervalAttempt, cap, capAttempt, Duration.ZERO);
  }

  boolean allowed() {
    return capAttempt != null;
  }

  /** How long to wait when not allowed. */
  Duration waitFor() {
    return wait;
  }

  /** The mail went out: both limits count it. */
  void used() {
    if (intervalAttempt != null) {
      interval.counted(intervalAttempt);
    }
    cap.counted(capAttempt);
  }

  /** The mail did not go out: both limits are given back. */
  void giveBack() {
    if (intervalAttempt != null) {
      intervalAttempt.succeeded();
    }
    capAttempt.succeeded();
  }
}
