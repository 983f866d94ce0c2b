package th.gfmis.keycloak.softtoken.server.push;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;
import th.gfmis.keycloak.softtoken.protocol.PushSubscriptionRequest;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenError;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;

/**
 * SPI {@code gfmis-softtoken-push}: wakes the holder's Soft Token app when a sign-in waits for it.
 * The default ({@code poll}) sends nothing: the app polls {@code GET challenges}.
 */
public interface SoftTokenPushProvider extends Provider {

  /**
   * Called once when a login challenge is created. Must not block the sign-in: send asynchronously
   * and swallow failures. Whatever leaves the server unencrypted should carry no secret; a message
   * encrypted end to end to the device (Web Push) may carry the challenge as the device lists it.
   *
   * @param challenge the challenge exactly as {@code GET challenges} lists it to the user's device
   */
  void challengeCreated(RealmModel realm, UserModel user, PendingChallenge challenge);

  /**
   * The VAPID public key devices subscribe with ({@code webPushKey} of {@code GET device}), or null
   * when this provider sends no Web Push.
   */
  default String webPushKey(RealmModel realm) {
    return null;
  }

  /**
   * Whether a device's Web Push subscription (already checked for form) may be kept.
   *
   * @throws SoftTokenProtocolException {@code invalid_request} when it may not
   */
  default void checkSubscription(PushSubscriptionRequest subscription)
      throws SoftTokenProtocolException {
    throw new SoftTokenProtocolException(
        SoftTokenError.INVALID_REQUEST, "This server does not deliver Web Push.");
  }
}
