package th.gfmis.keycloak.softtoken.server.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.core.mail.GfmisEmail;
import th.gfmis.keycloak.core.mail.GfmisMailer;
import th.gfmis.keycloak.domain.ThaiDates;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;

/**
 * A denial on the phone means that someone passed the password step: the holder is told so by
 * e-mail and asked to change the password, instead of being locked out.
 */
final class DenialWarning {

  private static final Logger LOG = Logger.getLogger(DenialWarning.class);

  private final KeycloakSession session;
  private final RealmModel realm;

  DenialWarning(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  void send(UserModel user, PendingChallenge denied, Instant now) {
    if (user.getEmail() == null) {
      return;
    }
    GfmisMailer mailer = new GfmisMailer(session, realm);
    Locale locale = mailer.localeOf(user);
    try {
      mailer.send(
          user,
          GfmisEmail.SOFTTOKEN_DENIED,
          List.of(),
          Map.of(
              "username", user.getUsername().toUpperCase(Locale.ROOT),
              "deniedAt", ThaiDates.format(now, locale, ThaiDates.BANGKOK),
              "clientName", orDash(denied.clientName()),
              "browser", orDash(denied.browser()),
              "ipAddress", orDash(denied.ipAddress())));
    } catch (EmailException e) {
      LOG.warnf(
          "Could not send the Soft Token denial warning in realm %s: %s",
          realm.getName(), e.getMessage());
    }
  }

  private static String orDash(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }
}
