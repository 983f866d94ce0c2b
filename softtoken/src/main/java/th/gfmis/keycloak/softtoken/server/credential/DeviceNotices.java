package th.gfmis.keycloak.softtoken.server.credential;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.core.mail.GfmisEmail;
import th.gfmis.keycloak.core.mail.GfmisMailer;
import th.gfmis.keycloak.domain.ThaiDates;

/**
 * Tells the holder by e-mail (in their language, Buddhist-era dates in Thai) whenever a Soft Token
 * device is registered, replaced or removed, with the device's name and what to do if it was not
 * them. Best effort: the change itself stands when the mail cannot be sent.
 */
public final class DeviceNotices {

  /** How a device was removed; each has a message {@code gfmisSoftTokenRevokedBy<Channel>}. */
  public enum Channel {
    /** Cancelled from the Soft Token app. */
    App,
    /** Removed by the holder in the account console. */
    Account,
    /** Removed by an administrator. */
    Admin
  }

  private static final Logger LOG = Logger.getLogger(DeviceNotices.class);

  private final KeycloakSession session;
  private final RealmModel realm;

  public DeviceNotices(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  /** A new device: a first registration, or a replacement of {@code previous}. */
  public void enrolled(
      UserModel user, String deviceName, Optional<SoftTokenCredentialModel> previous, Instant at) {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("kind", previous.isPresent() ? "Replaced" : "Enrolled");
    previous.ifPresent(p -> attributes.put("previousDevice", label(p)));
    send(
        user,
        previous.isPresent() ? GfmisEmail.SOFTTOKEN_REPLACED : GfmisEmail.SOFTTOKEN_ENROLLED,
        deviceName,
        at,
        attributes);
  }

  /** A device removed (its certificate revoked). */
  public void revoked(UserModel user, String deviceName, Channel channel, Instant at) {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("kind", "Revoked");
    attributes.put("channel", channel.name());
    send(user, GfmisEmail.SOFTTOKEN_REVOKED, deviceName, at, attributes);
  }

  /** The name the holder gave the device (or the type's default). */
  public static String label(SoftTokenCredentialModel device) {
    String label = device.getUserLabel();
    return label == null || label.isBlank() ? "Soft Token" : label;
  }

  private void send(
      UserModel user,
      GfmisEmail template,
      String deviceName,
      Instant at,
      Map<String, Object> attributes) {
    if (user.getEmail() == null || user.getEmail().isBlank()) {
      return;
    }
    GfmisMailer mailer = new GfmisMailer(session, realm);
    Locale locale = mailer.localeOf(user);
    attributes.put("username", user.getUsername().toUpperCase(Locale.ROOT));
    attributes.put("deviceName", deviceName);
    attributes.put("at", ThaiDates.format(at, locale, ThaiDates.BANGKOK));
    try {
      mailer.send(user, template, List.of(), attributes);
    } catch (EmailException | RuntimeException e) {
      LOG.warnf(
          "Could not send the Soft Token device notice in realm %s: %s",
          realm.getName(), e.getMessage());
    }
  }
}
