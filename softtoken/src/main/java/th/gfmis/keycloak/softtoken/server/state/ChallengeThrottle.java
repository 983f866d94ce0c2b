package th.gfmis.keycloak.softtoken.server.state;

import java.time.Duration;
import java.time.Instant;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import th.gfmis.keycloak.core.state.SingleUseStores;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.core.throttle.UserLimit;
import th.gfmis.keycloak.core.throttle.UserLocks;

/**
 * New Soft Token challenges per user and client address in a window: each one pushes a prompt to
 * the holder's phone, so their number is limited; keyed by the address so that sign-ins from
 * elsewhere never use up the holder's.
 */
public final class ChallengeThrottle {

  public static final String KIND = "softtoken-challenges";

  private final SingleUseObjectProvider store;
  private final RealmModel realm;

  public ChallengeThrottle(SingleUseObjectProvider store, RealmModel realm) {
    this.store = store;
    this.realm = realm;
  }

  /** Claims one challenge; counted at once (every challenge counts). */
  public AttemptLimiter.Attempt claim(
      String userId, String address, int max, Duration window, Instant now) {
    UserLocks locks = new UserLocks(store, realm.getId(), userId);
    UserLimit limit =
        new UserLimit(
            new AttemptLimiter(store, max, window),
            SingleUseStores.SOFTTOKEN_CHALLENGES_ISSUED.key(
                locks.scope(), address == null ? "" : address),
            locks,
            KIND,
            address);
    AttemptLimiter.Attempt attempt = limit.claim(now);
    if (attempt.allowed()) {
      limit.counted(attempt);
    }
    return attempt;
  }
}
