package th.gfmis.keycloak.softtoken.server.state;

import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import th.gfmis.keycloak.core.state.SingleUseStores;
import th.gfmis.keycloak.core.throttle.AddressLockout;

/**
 * New Soft Token challenges per user and client address in a window: each one pushes a prompt to
 * the holder's phone, so their number is limited (every challenge counts: {@link
 * AddressLockout#count}); keyed by the address so that sign-ins from elsewhere never use up the
 * holder's. Built like {@link SoftTokenLockout}.
 */
public final class ChallengeThrottle {

  public static final String KIND = "softtoken-challenges";

  private ChallengeThrottle() {}

  public static AddressLockout of(SingleUseObjectProvider store, RealmModel realm) {
    return new AddressLockout(store, realm, KIND, SingleUseStores.SOFTTOKEN_CHALLENGES_ISSUED);
  }
}
