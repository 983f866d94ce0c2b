package th.gfmis.keycloak.authenticators.reset;

import java.time.Duration;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.core.state.SingleUseStores;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.core.throttle.UserLimit;
import th.gfmis.keycloak.core.throttle.UserLocks;
import th.gfmis.keycloak.domain.GfmisUserId;

/**
 * The limits of the forgotten-password flow, keyed so that an attacker cannot spend the holder's
 * share (docs/lockouts.md): misses per user ID and client address, and per address; OTP e-mails per
 * user and client address (the R-Q2 interval), and per user in a short window (a cap on mail load
 * that an attacker can fill only for that window).
 */
final class ResetThrottles {

  static final String KIND_IDENTIFY = "reset-identify";
  static final String KIND_IDENTIFY_ADDRESS = "reset-identify-address";
  static final String KIND_OTP_INTERVAL = "reset-otp-interval";
  static final String KIND_OTP_MAILS = "reset-otp-mails";
  static final String ALL_ADDRESSES = "*";

  private final KeycloakSession session;
  private final RealmModel realm;
  private final ResetSettings settings;

  ResetThrottles(KeycloakSession session, RealmModel realm, ResetSettings settings) {
    this.session = session;
    this.realm = realm;
    this.settings = settings;
  }

  /** Misses for one user ID from one client address. */
  UserLimit identifyMissesPerUserAndAddress(UserModel user, GfmisUserId userId, String address) {
    UserLocks locks = locks(user, userId);
    return new UserLimit(
        limiter(settings.maxMissesPerUser(), settings.missWindow()),
        SingleUseStores.RESET_MISSES_PER_USER_AND_ADDRESS.key(locks.scope(), address),
        locks,
        KIND_IDENTIFY,
        address);
  }

  /** Misses from one client address over all user IDs (noted among the locks of this user). */
  UserLimit identifyMissesPerAddress(UserModel user, GfmisUserId userId, String address) {
    return new UserLimit(
        limiter(settings.maxMissesPerAddress(), settings.missWindow()),
        SingleUseStores.RESET_MISSES_PER_ADDRESS.key(realm.getId(), address),
        locks(user, userId),
        KIND_IDENTIFY_ADDRESS,
        address);
  }

  /** The resend interval (R-Q2) of one user's OTP e-mails asked for from one client address. */
  UserLimit otpInterval(UserModel user, String address) {
    UserLocks locks = locks(user);
    return new UserLimit(
        limiter(1, settings.otpPolicy().resendCooldown()),
        SingleUseStores.RESET_OTP_INTERVAL.key(locks.scope(), address),
        locks,
        KIND_OTP_INTERVAL,
        address);
  }

  /** All OTP e-mails of one user, from anywhere, in a short window. */
  UserLimit otpMails(UserModel user) {
    UserLocks locks = locks(user);
    return new UserLimit(
        limiter(settings.maxOtpMailsPerUser(), settings.otpMailWindow()),
        SingleUseStores.RESET_OTP_MAILS.key(locks.scope()),
        locks,
        KIND_OTP_MAILS,
        ALL_ADDRESSES);
  }

  private AttemptLimiter limiter(int max, Duration window) {
    return new AttemptLimiter(session.singleUseObjects(), max, window);
  }

  private UserLocks locks(UserModel user) {
    return new UserLocks(session.singleUseObjects(), realm.getId(), user.getId());
  }

  /** A user ID that names nobody still has its own scope, so that misses for it are limited. */
  private UserLocks locks(UserModel user, GfmisUserId userId) {
    return user != null
        ? locks(user)
        : new UserLocks(session.singleUseObjects(), realm.getId(), "unknown:" + userId.username());
  }
}
