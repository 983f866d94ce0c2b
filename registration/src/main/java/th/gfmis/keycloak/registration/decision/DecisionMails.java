package th.gfmis.keycloak.registration.decision;

import java.time.Instant;
import java.util.HashMap;
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
import th.gfmis.keycloak.registration.Registration;
import th.gfmis.keycloak.registration.RegistrationKind;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollmentGrant;

/**
 * The e-mails of a decision: to the holder at the address they confirmed, and to the previous
 * holder of a user ID that changes hands. Best effort: the decision stands when a mail cannot be
 * sent.
 */
final class DecisionMails {

  private static final Logger LOG = Logger.getLogger(DecisionMails.class);

  private final KeycloakSession session;
  private final RealmModel realm;

  DecisionMails(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  void approved(UserModel user, Registration registration, EnrollmentGrant grant) {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("decision", "Approved");
    attributes.put("grantExpiresAt", grant.expiresAt());
    attributes.put("holderChange", registration.kind() == RegistrationKind.HOLDER_CHANGE);
    toHolder(user, registration, GfmisEmail.REGISTRATION_APPROVED, attributes);
  }

  void rejected(UserModel user, Registration registration) {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("decision", "Rejected");
    attributes.put("reason", registration.statusReason().orElse(""));
    toHolder(user, registration, GfmisEmail.REGISTRATION_REJECTED, attributes);
  }

  /** To the user's address on file: call before the user's e-mail is changed. */
  void holderChanged(UserModel user, Instant at) {
    if (user.getEmail() == null || user.getEmail().isBlank()) {
      return;
    }
    GfmisMailer mailer = new GfmisMailer(session, realm);
    Locale locale = mailer.localeOf(user);
    String username = user.getUsername().toUpperCase(Locale.ROOT);
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("username", username);
    attributes.put("at", ThaiDates.format(at, locale, ThaiDates.BANGKOK));
    try {
      mailer.send(user, GfmisEmail.REGISTRATION_HOLDER_CHANGED, List.of(username), attributes);
    } catch (EmailException | RuntimeException e) {
      warn(e);
    }
  }

  private void toHolder(
      UserModel user,
      Registration registration,
      GfmisEmail template,
      Map<String, Object> attributes) {
    if (registration.email().isEmpty()) {
      return;
    }
    GfmisMailer mailer = new GfmisMailer(session, realm);
    Locale locale = mailer.localeOf(user);
    attributes.put("username", registration.displayUserId());
    attributes.put(
        "at", ThaiDates.format(registration.decidedAt().orElseThrow(), locale, ThaiDates.BANGKOK));
    if (attributes.get("grantExpiresAt") instanceof Instant expires) {
      attributes.put("grantExpiresAt", ThaiDates.format(expires, locale, ThaiDates.BANGKOK));
    }
    try {
      mailer.sendTo(user, registration.email().get(), template, List.of(), attributes);
    } catch (EmailException | RuntimeException e) {
      warn(e);
    }
  }

  private void warn(Exception e) {
    LOG.warnf(
        "Could not send a registration decision e-mail in realm %s: %s",
        realm.getName(), e.getMessage());
  }
}
