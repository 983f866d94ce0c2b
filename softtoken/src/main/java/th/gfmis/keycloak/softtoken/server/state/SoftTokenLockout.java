package th.gfmis.keycloak.softtoken.server.state;

import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import th.gfmis.keycloak.core.state.SingleUseStores;
import th.gfmis.keycloak.core.throttle.AddressLockout;

/**
 * Lockout of the Soft Token step for one user from one client address: denials and wrong numbers of
 * the challenges that address started. Someone who has the password and keeps starting sign-ins
 * that the holder denies locks out only themselves. Keycloak's brute-force protector does not count
 * this factor.
 */
public final class SoftTokenLockout {

  public static final String KIND = "softtoken-lockout";

  private SoftTokenLockout() {}

  public static AddressLockout of(SingleUseObjectProvider store, RealmModel realm) {
    return new AddressLockout(store, realm, KIND, SingleUseStores.SOFTTOKEN_FAILURES);
  }
}
