package th.gfmis.keycloak.softtoken.server.push;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;

/**
 * SPI {@code gfmis-softtoken-push}: wakes the holder's Soft Token app when a sign-in waits for it.
 * The default ({@code poll}) sends nothing: the app polls {@code GET challenges}.
 */
public interface SoftTokenPushProvider extends Provider {

  /**
   * Called once when a login challenge is created. Must not block the sign-in: send asynchronously
   * and swallow failures. The message should carry no secret.
   */
  void challengeCreated(RealmModel realm, UserModel user, PendingChallenge challenge);
}
