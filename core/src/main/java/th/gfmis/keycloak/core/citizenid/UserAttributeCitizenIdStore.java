package th.gfmis.keycloak.core.citizenid;

import java.util.Optional;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.domain.CitizenId;
import th.gfmis.keycloak.domain.KeyedHash;

/**
 * Keeps the CID as two user attributes that the user profile does not declare, so that neither the
 * admin console nor the account console shows them: the keyed hash and the last four digits.
 */
public class UserAttributeCitizenIdStore implements CitizenIdStore {

  public static final String HASH_ATTRIBUTE = "gfmis.cid.hash";
  public static final String LAST_FOUR_ATTRIBUTE = "gfmis.cid.last4";
  static final String HASH_CONTEXT = "citizen-id";

  private final KeyedHash hasher;

  public UserAttributeCitizenIdStore(KeyedHash hasher) {
    this.hasher = hasher;
  }

  @Override
  public void store(UserModel user, CitizenId citizenId) {
    user.setSingleAttribute(HASH_ATTRIBUTE, hasher.hash(HASH_CONTEXT, citizenId.digits()));
    user.setSingleAttribute(LAST_FOUR_ATTRIBUTE, citizenId.lastFour());
  }

  @Override
  public boolean matches(UserModel user, CitizenId citizenId) {
    return hasher.matches(HASH_CONTEXT, citizenId.digits(), user.getFirstAttribute(HASH_ATTRIBUTE));
  }

  @Override
  public Optional<String> lastFour(UserModel user) {
    return Optional.ofNullable(user.getFirstAttribute(LAST_FOUR_ATTRIBUTE));
  }

  @Override
  public void remove(UserModel user) {
    user.removeAttribute(HASH_ATTRIBUTE);
    user.removeAttribute(LAST_FOUR_ATTRIBUTE);
  }
}
