package th.gfmis.keycloak.softtoken.server.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenDevices;

/**
 * A user's Web Push subscription, kept in the user attribute {@value #ATTRIBUTE} (not in the user
 * profile) with the serial of the device that registered it. It counts only while that serial is
 * the user's current device, so a new enrollment or a revocation silences the old phone at once.
 */
public final class PushSubscriptions {

  public static final String ATTRIBUTE = "gfmis.softtoken.push";

  private static final ObjectMapper JSON = new ObjectMapper();

  private PushSubscriptions() {}

  /**
   * A stored subscription.
   *
   * @param serial the serial of the device that registered it
   * @param endpoint the push service URL
   * @param p256dh the browser's ECDH key, base64url
   * @param auth the authentication secret, base64url
   */
  public record Subscription(String serial, String endpoint, String p256dh, String auth) {}

  /** Keeps (or replaces) the user's subscription. */
  public static void save(UserModel user, Subscription subscription) {
    try {
      user.setSingleAttribute(ATTRIBUTE, JSON.writeValueAsString(subscription));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Forgets the user's subscription. */
  public static void remove(UserModel user) {
    user.removeAttribute(ATTRIBUTE);
  }

  /** Forgets the user's subscription if it is still the one for this endpoint. */
  public static void removeIfEndpoint(UserModel user, String endpoint) {
    stored(user).filter(s -> s.endpoint().equals(endpoint)).ifPresent(s -> remove(user));
  }

  /** The subscription of the user's current device, if it registered one. */
  public static Optional<Subscription> ofCurrentDevice(UserModel user) {
    Optional<String> serial = SoftTokenDevices.current(user).map(d -> d.serial());
    return stored(user).filter(s -> serial.isPresent() && serial.get().equals(s.serial()));
  }

  private static Optional<Subscription> stored(UserModel user) {
    String value = user.getFirstAttribute(ATTRIBUTE);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(value, Subscription.class));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
