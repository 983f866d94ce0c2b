package th.gfmis.keycloak.authenticators.reset;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.core.events.GfmisEvents;
import th.gfmis.keycloak.core.mail.GfmisEmail;
import th.gfmis.keycloak.core.mail.GfmisMailer;
import th.gfmis.keycloak.core.password.TemporaryPasswordPolicy;
import th.gfmis.keycloak.core.session.UserSessionTerminator;
import th.gfmis.keycloak.core.state.SingleUseStores;
import th.gfmis.keycloak.domain.MaskedEmail;
import th.gfmis.keycloak.domain.TemporaryPasswords;
import th.gfmis.keycloak.domain.ThaiDates;

/**
 * Last step: says the data is confirmed, with a way back to edit it (R-F5), and on request e-mails
 * a new temporary password that the holder must change at the next sign-in (R-F6, R-F7). The
 * password is written first, in a transaction of its own that commits only after the e-mail went
 * out: a refused write sends nothing, a failed e-mail undoes the write. Once it is set, the user's
 * sessions and offline tokens end, since whoever held the old password may hold one. The flow then
 * returns to the login page with a message naming where the password went.
 */
public class ResetTemporaryPasswordAuthenticator extends ResetStep {

  static final String TEMPLATE = "gfmis-reset-confirmed.ftl";
  private static final String ACTION_SEND = "send";
  private static final int MIN_LENGTH = 12;
  private static final int GENERATION_ATTEMPTS = 5;
  private static final Duration ONCE_GUARD = Duration.ofHours(1);
  private static final Logger LOG = Logger.getLogger(ResetTemporaryPasswordAuthenticator.class);
  private static final TemporaryPasswords PASSWORDS = new TemporaryPasswords();

  /** Why no password was sent: the event error and the message on the page. */
  private enum Failure {
    POLICY(Errors.PASSWORD_REJECTED, "gfmisTemporaryPasswordPolicy"),
    NOT_SAVED(GfmisEvents.ErrorCode.PASSWORD_NOT_SAVED, "gfmisTemporaryPasswordNotSaved"),
    MAIL(Errors.EMAIL_SEND_FAILED, "gfmisEmailSendFailed");

    private final String eventError;
    private final String message;

    Failure(String eventError, String message) {
      this.eventError = eventError;
      this.message = message;
    }
  }

  /** Carries a mail failure out of the write transaction, so that the write is rolled back. */
  private static final class MailNotSent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MailNotSent(EmailException cause) {
      super(cause.getMessage(), cause);
    }
  }

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

  private static void sendTemporaryPassword(AuthenticationFlowContext context) {
    Failure failure =
        new OnceGuard(
                context.getSession().singleUseObjects(),
                onceKey(context.getAuthenticationSession()),
                ONCE_GUARD)
            .once(() -> setMailAndEndSessions(context));
    if (failure == null) {
      // A message of the page, not of a field: with (String, String), FormMessage takes the first
      // as the field and the masked address as the message, and the page showed the address alone.
      context.forkWithSuccessMessage(
          new FormMessage(
              null, "gfmisTemporaryPasswordSent", MaskedEmail.mask(context.getUser().getEmail())));
    } else {
      refuse(context, failure);
    }
  }

  /**
   * Sets and e-mails the password; once it went out, ends the user's sessions and records it.
   * Returns why nothing was sent, or null.
   */
  private static Failure setMailAndEndSessions(AuthenticationFlowContext context) {
    Failure failure = setAndMail(context);
    if (failure == null) {
      recordSent(context, endSessions(context));
    }
    return failure;
  }

  /**
   * Sets a new temporary password with its forced change and e-mails it, both or neither: the write
   * is committed only after the mail left. Returns null when both happened.
   */
  private static Failure setAndMail(AuthenticationFlowContext context) {
    KeycloakSession session = context.getSession();
    String realmId = context.getRealm().getId();
    String userId = context.getUser().getId();
    String reference =
        context.getAuthenticationSession().getAuthNote(ResetNotes.VERIFIED_REFERENCE);
    String password = policyCompliantPassword(session, context.getRealm(), context.getUser());
    if (password == null) {
      return Failure.POLICY;
    }
    try {
      KeycloakModelUtils.runJobInTransaction(
          session.getKeycloakSessionFactory(),
          write -> writeThenMail(write, realmId, userId, password, reference));
      return null;
    } catch (MailNotSent e) {
      LOG.warnf(
          "Could not send the temporary-password e-mail in realm %s: %s",
          context.getRealm().getName(), e.getMessage());
      return Failure.MAIL;
    } catch (ModelException e) {
      return Failure.POLICY;
    } catch (RuntimeException e) {
      LOG.warnf(e, "Could not save a temporary password in realm %s", context.getRealm().getName());
      return Failure.NOT_SAVED;
    }
  }

  /** Runs in the write transaction: anything thrown here, a failed mail included, undoes it. */
  private static void writeThenMail(
      KeycloakSession write, String realmId, String userId, String password, String reference) {
    RealmModel realm = write.realms().getRealm(realmId);
    write.getContext().setRealm(realm);
    UserModel user = write.users().getUserById(realm, userId);
    user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
    user.addRequiredAction(TemporaryPasswordPolicy.REQUIRED_ACTION);
    mail(write, realm, user, password, reference);
  }

  private static void mail(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      String password,
      String reference) {
    Duration lifetime = TemporaryPasswordPolicy.lifetime(realm);
    GfmisMailer mailer = new GfmisMailer(session, realm);
    Locale locale = mailer.localeOf(user);
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
      throw new MailNotSent(e);
    }
  }

  /**
   * Every session and offline token of the user ends. The one exception is a session of this very
   * browser, which exists only if the holder was signed in here before proving the e-mail address;
   * ending it would also remove the authentication session this flow runs in.
   */
  private static UserSessionTerminator.Ended endSessions(AuthenticationFlowContext context) {
    EventBuilder logout =
        context
            .getEvent()
            .clone()
            .detail(Details.REASON, GfmisEvents.Reason.TEMPORARY_PASSWORD_SENT);
    String thisBrowser = context.getAuthenticationSession().getParentSession().getId();
    return new UserSessionTerminator(context.getSession(), context.getRealm())
        .endAllExcept(context.getUser(), thisBrowser, logout);
  }

  private static void recordSent(
      AuthenticationFlowContext context, UserSessionTerminator.Ended ended) {
    UserModel user = context.getUser();
    EventBuilder event =
        GfmisEvents.step(
                context.getEvent(),
                EventType.RESET_PASSWORD,
                GfmisEvents.Step.TEMPORARY_PASSWORD_SENT)
            .user(user)
            .detail(
                GfmisEvents.REFERENCE,
                context.getAuthenticationSession().getAuthNote(ResetNotes.VERIFIED_REFERENCE))
            .detail(Details.EMAIL, MaskedEmail.mask(user.getEmail()));
    ended.addTo(event).success();
  }

  private static void refuse(AuthenticationFlowContext context, Failure failure) {
    context
        .getEvent()
        .clone()
        .event(EventType.RESET_PASSWORD)
        .user(context.getUser())
        .error(failure.eventError);
    context.challenge(page(context).setError(failure.message).createForm(TEMPLATE));
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
    return SingleUseStores.RESET_TEMPORARY_PASSWORD_SENT.key(
        authSession.getParentSession().getId(), authSession.getTabId());
  }

  private static LoginFormsProvider page(AuthenticationFlowContext context) {
    return context
        .form()
        .setAttribute("gfmisEmail", MaskedEmail.mask(context.getUser().getEmail()));
  }
}
