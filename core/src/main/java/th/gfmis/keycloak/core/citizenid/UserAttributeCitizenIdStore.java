package th.gfmis.keycloak.core.citizenid;

import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.domain.CitizenId;
import th.gfmis.keycloak.domain.KeyedHashRing;

/**
 * Keeps the CID as two user attributes that the user profile does not declare, so that neither the
 * admin console nor the account console shows them: the keyed hash ({@code kid:hash}) and the last
 * four digits.
 */
public class UserAttributeCitizenIdStore implements CitizenIdStore {

  public static final String HASH_ATTRIBUTE = "gfmis.cid.hash";
  public static final String LAST_FOUR_ATTRIBUTE = "gfmis.cid.last4";
  static final String HASH_CONTEXT = "citizen-id";

  private static final Logger LOG = Logger.getLogger(UserAttributeCitizenIdStore.class);

  private final CitizenIdHashKeys keys;

  public UserAttributeCitizenIdStore(CitizenIdHashKeys keys) {
    this.keys = keys;
  }

  @Override
  public boolean available() {
    return keys.ring().isPresent();
  }

  @Override
  public void store(UserModel user, CitizenId citizenId) {
    user.setSingleAttribute(HASH_ATTRIBUTE, ring().hash(HASH_CONTEXT, citizenId.digits()));
    user.setSingleAttribute(LAST_FOUR_ATTRIBUTE, citizenId.lastFour());
  }

  @Override
  public boolean matches(UserModel user, CitizenId citizenId) {
    KeyedHashRing ring = ring();
    String stored = user.getFirstAttribute(HASH_ATTRIBUTE);
    switch (ring.match(HASH_CONTEXT, citizenId.digits(), stored)) {
      case CURRENT:
        return true;
      case OUTDATED:
        user.setSingleAttribute(HASH_ATTRIBUTE, ring.hash(HASH_CONTEXT, citizenId.digits()));
        LOG.debugf(
            "Re-hashed the citizen ID of user %s under key %s", user.getId(), ring.currentKeyId());
        return true;
      case UNKNOWN_KEY:
        LOG.warnf(
            "The citizen ID of user %s is hashed under key %s, which is no longer configured:"
                + " add it to previous-hash-keys or set the CID again",
            user.getId(), KeyedHashRing.keyIdOf(stored).orElse("?"));
        return false;
      case NO_MATCH:
      default:
        return false;
    }
  }

  @Override
  public String hashOf(CitizenId citizenId) {
    return ring().hash(HASH_CONTEXT, citizenId.digits());
  }

  @Override
  public boolean hashMatches(String hashed, CitizenId citizenId) {
    KeyedHashRing.Match match = ring().match(HASH_CONTEXT, citizenId.digits(), hashed);
    return match == KeyedHashRing.Match.CURRENT || match == KeyedHashRing.Match.OUTDATED;
  }

  @Override
  public void storeHashed(UserModel user, String hashed, String lastFour) {
    user.setSingleAttribute(HASH_ATTRIBUTE, hashed);
    user.setSingleAttribute(LAST_FOUR_ATTRIBUTE, lastFour);
  }

  @Override
  public Optional<String> lastFour(UserModel user) {
    return Optional.ofNullable(user.getFirstAttribute(LAST_FOUR_ATTRIBUTE));
  }

  @Override
  public Optional<String> hashKeyId(UserModel user) {
    return KeyedHashRing.keyIdOf(user.getFirstAttribute(HASH_ATTRIBUTE));
  }

  @Override
  public Optional<String> currentKeyId() {
    return keys.ring().map(KeyedHashRing::currentKeyId);
  }

  @Override
  public void remove(UserModel user) {
    user.removeAttribute(HASH_ATTRIBUTE);
    user.removeAttribute(LAST_FOUR_ATTRIBUTE);
  }

  private KeyedHashRing ring() {
    return keys.ring()
        .orElseThrow(() -> new CitizenIdUnavailableException(keys.problem().orElse("unknown")));
  }
}
