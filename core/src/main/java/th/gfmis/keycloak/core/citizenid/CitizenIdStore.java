package th.gfmis.keycloak.core.citizenid;

import java.util.Optional;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;
import th.gfmis.keycloak.domain.CitizenId;

/**
 * Keeps each user's citizen ID so that it can be matched but not read back: a keyed hash of the
 * number and its last four digits for display. The full number is never stored.
 */
public interface CitizenIdStore extends Provider {

  void store(UserModel user, CitizenId citizenId);

  boolean matches(UserModel user, CitizenId citizenId);

  /** The last four digits of the stored CID, for display; empty when none is stored. */
  Optional<String> lastFour(UserModel user);

  void remove(UserModel user);

  @Override
  default void close() {}
}
