package th.gfmis.keycloak.core.citizenid;

import java.util.Optional;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;
import th.gfmis.keycloak.domain.CitizenId;

/**
 * Keeps each user's citizen ID so that it can be matched but not read back: a keyed hash of the
 * number and its last four digits for display. The full number is never stored.
 *
 * <p>Without a usable hashing key (see {@link #available()}) {@link #store} and {@link #matches}
 * throw {@link CitizenIdUnavailableException}; reading the last four digits and removing a CID
 * still work.
 */
public interface CitizenIdStore extends Provider {

  /** Whether CIDs can be stored and matched: false until the server has a usable hashing key. */
  boolean available();

  /** Stores the CID's hash under the current key. */
  void store(UserModel user, CitizenId citizenId);

  /**
   * Whether {@code citizenId} is the user's stored CID. A hash kept under an older key is
   * re-written under the current key when it matches.
   */
  boolean matches(UserModel user, CitizenId citizenId);

  /**
   * The CID's keyed hash under the current key, in the stored {@code kid:hash} form: for keeping a
   * CID apart from a user (a registration) until it is bound with {@link #storeHashed}.
   */
  String hashOf(CitizenId citizenId);

  /**
   * Whether {@code hashed} (from {@link #hashOf}, under any configured key) is {@code citizenId}'s.
   */
  boolean hashMatches(String hashed, CitizenId citizenId);

  /** Binds a CID kept as {@link #hashOf}'s hash and its last four digits to the user. */
  void storeHashed(UserModel user, String hashed, String lastFour);

  /** The last four digits of the stored CID, for display; empty when none is stored. */
  Optional<String> lastFour(UserModel user);

  /**
   * The id of the key the user's stored hash was made under; empty when none is stored or the hash
   * predates key ids.
   */
  Optional<String> hashKeyId(UserModel user);

  /** The id of the key new hashes are made under; empty when the store is not available. */
  Optional<String> currentKeyId();

  void remove(UserModel user);

  @Override
  default void close() {}
}
