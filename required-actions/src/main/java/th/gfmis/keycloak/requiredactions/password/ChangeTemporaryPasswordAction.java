package th.gfmis.keycloak.requiredactions.password;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import th.gfmis.keycloak.core.events.GfmisEvents;
import th.gfmis.keycloak.core.mail.GfmisEmail;
import th.gfmis.keycloak.core.mail.GfmisMailer;
import th.gfmis.keycloak.core.password.TemporaryPasswordPolicy;
import th.gfmis.keycloak.core.session.UserSessionTerminator;
import th.gfmis.keycloak.domain.ThaiDates;

/**
 * Forces the holder of an e-mailed temporary password to choose their own at once (R-F7). The new
 * password must pass the realm's policy and differ from the temporary one. A temporary password
 * past its lifetime opens nothing: the holder is sent back to request another. Once the new one is
 * set, every other session and offline token of the user ends; the holder is told by e-mail that
 * the password changed.
 */
public class ChangeTemporaryPasswordAction implements RequiredActionProvider {

  static final String TEMPLATE = "gfmis-change-temporary-password.ftl";
  static final String EXPIRED_TEMPLATE = "gfmis-temporary-password-expired.ftl";
  static final String NEW_PASSWORD = "password-new";
  static final String CONFIRMATION = "password-confirm";
  private static final int MAX_PASSWORD = 256;
  private static final Logger LOG = Logger.getLogger(ChangeTemporaryPasswordAction.class);

  @Override
  public void evaluateTriggers(RequiredActionContext context) {}

  @Override
  public void requiredActionChallenge(RequiredActionContext context) {
    if (expired(context)) {
      return;
    }
    context.challenge(context.form().createForm(TEMPLATE));
  }

  @Override
  public void processAction(RequiredActionContext context) {
    if (expired(context)) {
      return;
    }
    MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
    String password = Optional.ofNullable(params.getFirst(NEW_PASSWORD)).orElse("");
    String confirmation = Optional.ofNullable(params.getFirst(CONFIRMATION)).orElse("");
    UserModel user = context.getUser();
    String problem = problemWith(context, user, password, confirmation);
    if (problem != null) {
      retry(context, new FormMessage(NEW_PASSWORD, problem));
      return;
    }
    PolicyError policyError =
        context
            .getSession()
            .getProvider(PasswordPolicyManagerProvider.class)
            .validate(context.getRealm(), user, password);
    if (policyError != null) {
      retry(
          context,
          new FormMessage(NEW_PASSWORD, policyError.getMessage(), policyError.getParameters()));
      return;
    }
    try {
      user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
    } catch (ModelException e) {
      retry(context, new FormMessage(NEW_PASSWORD, e.getMessage(), e.getParameters()));
      return;
    }
    UserSessionTerminator.Ended ended = endOtherSessions(context, user);
    EventBuilder changed =
        GfmisEvents.step(
            context.getEvent(),
            EventType.UPDATE_PASSWORD,
            GfmisEvents.Step.TEMPORARY_PASSWORD_CHANGED);
    ended.addTo(changed).success();
    notifyHolder(context, user);
    context.success();
  }

  /**
   * Whoever held the temporary or an older password may hold a session or an offline token: every
   * one of them ends except this browser's own session.
   */
  private static UserSessionTerminator.Ended endOtherSessions(
      RequiredActionContext context, UserModel user) {
    EventBuilder logout =
        context
            .getEvent()
            .clone()
            .detail(Details.LOGOUT_TRIGGERED_BY_REQUIRED_ACTION, context.getAction());
    String current = context.getAuthenticationSession().getParentSession().getId();
    return new UserSessionTerminator(context.getSession(), context.getRealm())
        .endAllExcept(user, current, logout);
  }

  private static String problemWith(
      RequiredActionContext context, UserModel user, String password, String confirmation) {
    if (password.isEmpty()) {
      return "missingPasswordMessage";
    }
    if (password.length() > MAX_PASSWORD) {
      return "gfmisPasswordTooLong";
    }
    if (!password.equals(confirmation)) {
      return "notMatchPasswordMessage";
    }
    if (user.credentialManager().isValid(UserCredentialModel.password(password))) {
      return "gfmisPasswordSameAsTemporary";
    }
    return null;
  }

  private static void retry(RequiredActionContext context, FormMessage error) {
    context
        .getEvent()
        .clone()
        .event(EventType.UPDATE_PASSWORD_ERROR)
        .error(Errors.PASSWORD_REJECTED);
    LoginFormsProvider form = context.form().addError(error);
    context.challenge(form.createForm(TEMPLATE));
  }

  /** Shows the expiry page and returns true when the temporary password is past its lifetime. */
  private static boolean expired(RequiredActionContext context) {
    RealmModel realm = context.getRealm();
    Optional<Instant> expiry = TemporaryPasswordPolicy.expiry(realm, context.getUser());
    if (expiry.isEmpty() || Instant.now().isBefore(expiry.get())) {
      return false;
    }
    context.getEvent().clone().event(EventType.UPDATE_PASSWORD_ERROR).error(Errors.EXPIRED_CODE);
    context.challenge(context.form().createForm(EXPIRED_TEMPLATE));
    return true;
  }

  private static void notifyHolder(RequiredActionContext context, UserModel user) {
    GfmisMailer mailer = new GfmisMailer(context.getSession(), context.getRealm());
    Locale locale = mailer.localeOf(user);
    try {
      mailer.send(
          user,
          GfmisEmail.PASSWORD_CHANGED,
          List.of(),
          Map.of(
              "username", user.getUsername().toUpperCase(Locale.ROOT),
              "changedAt", ThaiDates.format(Instant.now(), locale, ThaiDates.BANGKOK),
              "ipAddress", context.getConnection().getRemoteAddr()));
    } catch (EmailException e) {
      // The change itself succeeded; the notice is best effort.
      LOG.warnf(
          "Could not send the password-changed notice in realm %s: %s",
          context.getRealm().getName(), e.getMessage());
    }
  }

  @Override
  public void close() {}
}
