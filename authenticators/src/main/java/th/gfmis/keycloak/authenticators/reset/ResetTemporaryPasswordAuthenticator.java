package th.gfmis.keycloak.authenticators.reset;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.email.EmailException;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.core.mail.GfmisEmail;
import th.gfmis.keycloak.core.mail.GfmisMailer;
import th.gfmis.keycloak.core.password.TemporaryPasswordPolicy;
import th.gfmis.keycloak.domain.MaskedEmail;
import th.gfmis.keycloak.domain.TemporaryPasswords;
import th.gfmis.keycloak.domain.ThaiDates;

/**
 * Last step: says the data is confirmed, with a way back to edit it (R-F5), and on request e-mails
 * a new temporary password that the holder must change at the next sign-in (R-F6, R-F7). The
 * password is set only after the e-mail went out, so a mail failure changes nothing. The flow then
 * returns to the login page with a message naming where the password went.
 */
public class ResetTemporaryPasswordAuthenticator extends ResetStep {

  static final String TEMPLATE = "gfmis-reset-confirmed.ftl";
  private static final String ACTION_SEND = "send";
  private static final int MIN_LENGTH = 12;
  private static final int GENERATION_ATTEMPTS = 5;
  private static final long ONCE_GUARD_SECONDS = Duration.ofHours(1).toSeconds();
  private static final Logger LOG = Logger.getLogger(ResetTemporaryPasswordAuthenticator.class);
  private static final TemporaryPasswords PASSWORDS = new TemporaryPasswords();

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    context.challenge(page(context).createForm(TEMPLATE));
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    String action = context.getHttpRequest().getDecodedFormParameters().getFirst(ResetNotes.ACTION);
    if (ResetNotes.ACTION_EDIT.equals(action)) {
      context.resetFlow();
    } else if (ACTION_SEND.equals(action)) {
      sendTemporaryPassword(context);
    } else {
      authenticate(context);
    }
  }

  private void sendTemporaryPassword(AuthenticationFlowContext context) {
    UserModel user = context.getUser();
    FormMessage sent =
        new FormMessage("gfmisTemporaryPasswordSent", MaskedEmail.mask(user.getEmail()));
    // A second submission of this page (double click, back button) must not send a second password.
    SingleUseObjectProvider store = context.getSession().singleUseObjects();
    String onceKey = onceKey(context.getAuthenticationSession());
    if (!store.putIfAbsent(onceKey, ONCE_GUARD_SECONDS)) {
      context.forkWithSuccessMessage(sent);
      return;
    }
    String password = policyCompliantPassword(context.getSession(), context.getRealm(), user);
    if (password == null) {
      store.remove(onceKey);
      context
          .getEvent()
          .clone()
          .event(EventType.RESET_PASSWORD)
          .user(user)
          .error(Errors.PASSWORD_REJECTED);
      context.challenge(
          page(context).setError("gfmisTemporaryPasswordPolicy").createForm(TEMPLATE));
      return;
    }
    Duration lifetime = TemporaryPasswordPolicy.lifetime(context.getRealm());
    GfmisMailer mailer = new GfmisMailer(context.getSession(), context.getRealm());
    Locale locale = mailer.localeOf(user);
    String reference =
        context.getAuthenticationSession().getAuthNote(ResetNotes.VERIFIED_REFERENCE);
    try {
      mailer.send(
          user,
          GfmisEmail.TEMPORARY_PASSWORD,
          List.of(reference),
          Map.of(
              "temporaryPassword", password,
              "reference", reference,
              "username", user.getUsername().toUpperCase(Locale.ROOT),
              "lifetimeMinutes", lifetime.toMinutes(),
              "expiresAt",
                  ThaiDates.format(Instant.now().plus(lifetime), locale, ThaiDates.BANGKOK)));
    } catch (EmailException e) {
      store.remove(onceKey);
      LOG.warnf(
          "Could not send the temporary-password e-mail in realm %s: %s",
          context.getRealm().getName(), e.getMessage());
      context
          .getEvent()
          .clone()
          .event(EventType.RESET_PASSWORD)
          .user(user)
          .error(Errors.EMAIL_SEND_FAILED);
      context.challenge(page(context).setError("gfmisEmailSendFailed").createForm(TEMPLATE));
      return;
    }
    user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
    user.addRequiredAction(TemporaryPasswordPolicy.REQUIRED_ACTION);
    context
        .getEvent()
        .clone()
        .event(EventType.RESET_PASSWORD)
        .user(user)
        .detail("gfmis_step", "temporary_password_sent")
        .detail("reference", reference)
        .detail("email", MaskedEmail.mask(user.getEmail()))
        .success();
    context.forkWithSuccessMessage(sent);
  }

  /** A random password the realm's password policy accepts, or null if none was found. */
  private static String policyCompliantPassword(
      KeycloakSession session, RealmModel realm, UserModel user) {
    PasswordPolicyManagerProvider policy = session.getProvider(PasswordPolicyManagerProvider.class);
    Object policyLength = realm.getPasswordPolicy().getPolicyConfig("length");
    int length = Math.max(MIN_LENGTH, policyLength instanceof Integer n ? n : 0);
    for (int attempt = 0; attempt < GENERATION_ATTEMPTS; attempt++) {
      String candidate = PASSWORDS.generate(length + attempt);
      if (policy.validate(realm, user, candidate) == null) {
        return candidate;
      }
    }
    return null;
  }

  private static String onceKey(AuthenticationSessionModel authSession) {
    return "gfmis-reset-temporary-password:"
        + authSession.getParentSession().getId()
        + ":"
        + authSession.getTabId();
  }

  private static LoginFormsProvider page(AuthenticationFlowContext context) {
    return context
        .form()
        .setAttribute("gfmisEmail", MaskedEmail.mask(context.getUser().getEmail()));
  }
}
