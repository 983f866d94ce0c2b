package th.gfmis.keycloak.authenticators.reset;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.core.RealmSecrets;
import th.gfmis.keycloak.core.events.GfmisEvents;
import th.gfmis.keycloak.core.events.GfmisEvents.Step;
import th.gfmis.keycloak.core.mail.GfmisEmail;
import th.gfmis.keycloak.core.mail.GfmisMailer;
import th.gfmis.keycloak.core.state.SingleUseStores;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.core.throttle.Waits;
import th.gfmis.keycloak.domain.EmailOtp;
import th.gfmis.keycloak.domain.KeyedHash;
import th.gfmis.keycloak.domain.MaskedEmail;
import th.gfmis.keycloak.domain.OneTimeCodes;
import th.gfmis.keycloak.domain.ThaiDates;

/**
 * Second step: e-mails a one-time code to the registered address and checks what the holder types
 * (R-F4). The code is kept only as a keyed hash in this browser's authentication session, so it
 * cannot be used from another browser or another user's flow; it is single use, expires, and dies
 * after a few wrong guesses, counted atomically. A new code waits out the resend interval (R-Q2) of
 * the user and client address, within a per-user cap ({@link MailPermit}).
 */
public class ResetEmailOtpAuthenticator extends ResetStep {

  static final String TEMPLATE = "gfmis-reset-otp.ftl";
  private static final String ACTION_RESEND = "resend";
  private static final String CODE = "otp";
  private static final Logger LOG = Logger.getLogger(ResetEmailOtpAuthenticator.class);
  private static final OneTimeCodes CODES = new OneTimeCodes();

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    EmailOtp pending = pendingOtp(context.getAuthenticationSession());
    if (pending != null) {
      context.challenge(page(context, pending).createForm(TEMPLATE));
      return;
    }
    sendNewCode(context);
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    String action = context.getHttpRequest().getDecodedFormParameters().getFirst(ResetNotes.ACTION);
    if (ResetNotes.ACTION_EDIT.equals(action)) {
      context.resetFlow();
    } else if (ACTION_RESEND.equals(action)) {
      sendNewCode(context);
    } else {
      verify(context);
    }
  }

  /** A new code by e-mail, unless the resend interval or the mail cap holds it back. */
  private static void sendNewCode(AuthenticationFlowContext context) {
    ResetSettings settings = ResetSettings.of(context.getAuthenticatorConfig());
    Instant now = Instant.now();
    MailPermit permit =
        MailPermit.ask(
            new ResetThrottles(context.getSession(), context.getRealm(), settings),
            context.getUser(),
            context.getConnection().getRemoteAddr(),
            settings,
            now);
    if (permit.allowed()) {
      mailNewCode(context, settings, permit, now);
    } else {
      context.challenge(
          page(context, pendingOtp(context.getAuthenticationSession()))
              .setError(
                  "gfmisOtpResendWait", Long.toString(Waits.minutesRoundedUp(permit.waitFor())))
              .createForm(TEMPLATE));
    }
  }

  /** Issues a code and e-mails it; the permit counts the mail only when it went out. */
  private static void mailNewCode(
      AuthenticationFlowContext context, ResetSettings settings, MailPermit permit, Instant now) {
    RealmSecrets.Keyed key = RealmSecrets.active(context.getSession(), context.getRealm());
    EmailOtp.Issued issued = EmailOtp.issue(CODES, key.hasher(), now, settings.otpPolicy());
    if (mailed(context, settings, issued)) {
      permit.used();
      codeSent(context, key, issued.otp());
    } else {
      permit.giveBack();
      mailFailed(context);
    }
  }

  /** Whether the mail server took the e-mail with the code. */
  private static boolean mailed(
      AuthenticationFlowContext context, ResetSettings settings, EmailOtp.Issued issued) {
    GfmisMailer mailer = new GfmisMailer(context.getSession(), context.getRealm());
    Locale locale = mailer.localeOf(context.getUser());
    try {
      mailer.send(
          context.getUser(),
          GfmisEmail.RESET_OTP,
          List.of(issued.otp().reference()),
          Map.of(
              "otp", issued.code(),
              "reference", issued.otp().reference(),
              "expiresAt", ThaiDates.format(issued.otp().expiresAt(), locale, ThaiDates.BANGKOK),
              "lifetimeMinutes", settings.otpPolicy().lifetime().toMinutes()));
      return true;
    } catch (EmailException e) {
      LOG.warnf(
          "Could not send the reset OTP e-mail in realm %s: %s",
          context.getRealm().getName(), e.getMessage());
      return false;
    }
  }

  /** This browser keeps the code's hash; the page asks for the code. */
  private static void codeSent(
      AuthenticationFlowContext context, RealmSecrets.Keyed key, EmailOtp otp) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    authSession.setAuthNote(ResetNotes.OTP, otp.serialize());
    authSession.setAuthNote(ResetNotes.OTP_KEY_ID, key.kid());
    UserModel user = context.getUser();
    GfmisEvents.step(context.getEvent(), EventType.SEND_RESET_PASSWORD, Step.OTP_SENT)
        .user(user)
        .detail(GfmisEvents.REFERENCE, otp.reference())
        .detail(Details.EMAIL, MaskedEmail.mask(user.getEmail()))
        .success();
    context.challenge(page(context, otp).createForm(TEMPLATE));
  }

  /** The mail server refused: the page says so; an earlier code, if any, still works. */
  private static void mailFailed(AuthenticationFlowContext context) {
    context
        .getEvent()
        .clone()
        .event(EventType.SEND_RESET_PASSWORD)
        .user(context.getUser())
        .error(Errors.EMAIL_SEND_FAILED);
    context.challenge(
        page(context, pendingOtp(context.getAuthenticationSession()))
            .setAttribute("gfmisSendFailed", true)
            .setError("gfmisEmailSendFailed")
            .createForm(TEMPLATE));
  }

  private void verify(AuthenticationFlowContext context) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    EmailOtp otp = pendingOtp(authSession);
    if (otp == null) {
      context.challenge(page(context, null).setError("gfmisOtpNotRequested").createForm(TEMPLATE));
      return;
    }
    ResetSettings settings = ResetSettings.of(context.getAuthenticatorConfig());
    KeyedHash hasher =
        RealmSecrets.byKid(
            context.getSession(),
            context.getRealm(),
            authSession.getAuthNote(ResetNotes.OTP_KEY_ID));
    String guess = context.getHttpRequest().getDecodedFormParameters().getFirst(CODE);
    if (guess == null || guess.isBlank()) {
      context.challenge(page(context, otp).setError("gfmisOtpEmpty").createForm(TEMPLATE));
      return;
    }
    Instant now = Instant.now();
    // Each guess first claims one of the allowed wrong guesses, atomically, so that parallel
    // submissions of this page can never try more codes than allowed.
    AttemptLimiter.Attempt guessSlot =
        new AttemptLimiter(
                context.getSession().singleUseObjects(),
                settings.otpPolicy().maxWrongGuesses(),
                settings.otpPolicy().lifetime())
            .claim(guessKey(context, otp), now);
    EmailOtp.Outcome outcome;
    if (hasher == null) {
      outcome = EmailOtp.Outcome.EXPIRED;
    } else if (!guessSlot.allowed()) {
      outcome = EmailOtp.Outcome.LOCKED;
    } else {
      outcome = otp.check(guess, hasher, now, settings.otpPolicy());
    }
    if (outcome != EmailOtp.Outcome.WRONG) {
      guessSlot.succeeded();
    }
    switch (outcome) {
      case VALID -> {
        authSession.removeAuthNote(ResetNotes.OTP);
        authSession.removeAuthNote(ResetNotes.OTP_KEY_ID);
        authSession.setAuthNote(ResetNotes.VERIFIED_REFERENCE, otp.reference());
        GfmisEvents.step(context.getEvent(), EventType.RESET_PASSWORD, Step.OTP_VERIFIED)
            .user(context.getUser())
            .detail(GfmisEvents.REFERENCE, otp.reference())
            .success();
        context.success();
      }
      case WRONG -> {
        guessSlot.counted();
        EmailOtp after = otp.afterWrongGuess();
        authSession.setAuthNote(ResetNotes.OTP, after.serialize());
        int left = Math.min(after.guessesLeft(settings.otpPolicy()), guessSlot.remainingAfter());
        failure(context, after, left == 0 ? "gfmisOtpLocked" : "gfmisOtpWrong", left);
      }
      case EXPIRED -> failure(context, otp, "gfmisOtpExpired", 0);
      case LOCKED -> failure(context, otp, "gfmisOtpLocked", 0);
    }
  }

  private static void failure(
      AuthenticationFlowContext context, EmailOtp otp, String message, int guessesLeft) {
    GfmisEvents.step(context.getEvent(), EventType.RESET_PASSWORD, Step.OTP_CHECK)
        .user(context.getUser())
        .detail(GfmisEvents.REFERENCE, otp.reference())
        .error(Errors.INVALID_CODE);
    context.challenge(
        page(context, otp).setError(message, Integer.toString(guessesLeft)).createForm(TEMPLATE));
  }

  private static LoginFormsProvider page(AuthenticationFlowContext context, EmailOtp otp) {
    LoginFormsProvider form =
        context.form().setAttribute("gfmisEmail", MaskedEmail.mask(context.getUser().getEmail()));
    if (otp != null) {
      Locale locale = context.getSession().getContext().resolveLocale(context.getUser());
      form.setAttribute("gfmisReference", otp.reference())
          .setAttribute(
              "gfmisExpiresAt", ThaiDates.format(otp.expiresAt(), locale, ThaiDates.BANGKOK));
    }
    return form;
  }

  private static EmailOtp pendingOtp(AuthenticationSessionModel authSession) {
    String stored = authSession.getAuthNote(ResetNotes.OTP);
    return stored == null ? null : EmailOtp.deserialize(stored);
  }

  /** The guesses of one e-mailed code in this browser tab. */
  private static String guessKey(AuthenticationFlowContext context, EmailOtp otp) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    return SingleUseStores.RESET_OTP_GUESSES.key(
        context.getRealm().getId(),
        authSession.getParentSession().getId(),
        authSession.getTabId(),
        otp.reference());
  }
}
