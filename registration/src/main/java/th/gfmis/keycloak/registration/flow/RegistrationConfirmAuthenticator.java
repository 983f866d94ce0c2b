package th.gfmis.keycloak.registration.flow;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.email.EmailException;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.core.AbstractGfmisAuthenticator;
import th.gfmis.keycloak.core.RealmSecrets;
import th.gfmis.keycloak.core.events.GfmisEvents;
import th.gfmis.keycloak.core.mail.GfmisEmail;
import th.gfmis.keycloak.core.mail.GfmisMailer;
import th.gfmis.keycloak.core.state.RequestGuard;
import th.gfmis.keycloak.core.state.SingleUseStores;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.core.throttle.Waits;
import th.gfmis.keycloak.domain.EmailOtp;
import th.gfmis.keycloak.domain.KeyedHash;
import th.gfmis.keycloak.domain.MaskedEmail;
import th.gfmis.keycloak.domain.OneTimeCodes;
import th.gfmis.keycloak.domain.ThaiDates;
import th.gfmis.keycloak.registration.OpenRegistrationExistsException;
import th.gfmis.keycloak.registration.Registration;
import th.gfmis.keycloak.registration.RegistrationKind;
import th.gfmis.keycloak.registration.RegistrationNotes;
import th.gfmis.keycloak.registration.RegistrationStatus;
import th.gfmis.keycloak.registration.RegistrationStore;
import th.gfmis.keycloak.registration.StaleRegistrationException;
import th.gfmis.keycloak.registration.Submission;
import th.gfmis.keycloak.registration.decision.RegistrationDecisions;

/**
 * Registration step 3 (R-R3): the summary of what will be registered, the e-mail confirmed by an
 * OTP (the reset's {@link EmailOtp}: keyed hash in this browser's authentication session, reference
 * code, wrong guesses counted atomically, resend interval an operator setting, R-Q2), and for a new
 * holder the password under the realm's policy. Then the registration is stored: created, or the
 * user's open New/Reject registration fixed; a new phone is approved at once.
 */
public class RegistrationConfirmAuthenticator extends AbstractGfmisAuthenticator {

  static final String TEMPLATE = "gfmis-registration-confirm.ftl";
  private static final String ACTION_RESEND = "resend";
  private static final String CODE = "otp";
  private static final String PASSWORD = "password";
  private static final String PASSWORD_CONFIRM = "password-confirm";
  private static final Logger LOG = Logger.getLogger(RegistrationConfirmAuthenticator.class);
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
    String action = context.getHttpRequest().getDecodedFormParameters().getFirst(FlowNotes.ACTION);
    if (ACTION_RESEND.equals(action)) {
      sendNewCode(context);
    } else {
      confirm(context);
    }
  }

  private void sendNewCode(AuthenticationFlowContext context) {
    RegistrationSettings settings = RegistrationSettings.of(context.getAuthenticatorConfig());
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    UserModel user = context.getUser();
    Instant now = Instant.now();
    Duration interval = settings.otpPolicy().resendCooldown();
    AttemptLimiter.Attempt slot = null;
    if (!interval.isZero()) {
      slot =
          new AttemptLimiter(context.getSession().singleUseObjects(), 1, interval)
              .claim(
                  SingleUseStores.REGISTRATION_OTP_MAILS.key(
                      context.getRealm().getId(), user.getId()),
                  now);
      if (!slot.allowed()) {
        context.challenge(
            page(context, pendingOtp(authSession))
                .setError(
                    "gfmisOtpResendWait", Long.toString(Waits.minutesRoundedUp(slot.blockedFor())))
                .createForm(TEMPLATE));
        return;
      }
    }
    RealmSecrets.Keyed key = RealmSecrets.active(context.getSession(), context.getRealm());
    EmailOtp.Issued issued = EmailOtp.issue(CODES, key.hasher(), now, settings.otpPolicy());
    GfmisMailer mailer = new GfmisMailer(context.getSession(), context.getRealm());
    Locale locale = context.getSession().getContext().resolveLocale(user);
    String email = authSession.getAuthNote(FlowNotes.EMAIL);
    try {
      mailer.sendTo(
          user,
          email,
          GfmisEmail.REGISTRATION_OTP,
          List.of(issued.otp().reference()),
          Map.of(
              "otp", issued.code(),
              "reference", issued.otp().reference(),
              "userId", displayUserId(user),
              "expiresAt", ThaiDates.format(issued.otp().expiresAt(), locale, ThaiDates.BANGKOK),
              "lifetimeMinutes", settings.otpPolicy().lifetime().toMinutes()));
    } catch (EmailException e) {
      if (slot != null) {
        slot.succeeded();
      }
      LOG.warnf(
          "Could not send the registration OTP e-mail in realm %s: %s",
          context.getRealm().getName(), e.getMessage());
      event(context).error(Errors.EMAIL_SEND_FAILED);
      context.challenge(
          page(context, pendingOtp(authSession))
              .setError("gfmisEmailSendFailed")
              .createForm(TEMPLATE));
      return;
    }
    if (slot != null) {
      slot.counted();
    }
    authSession.setAuthNote(FlowNotes.OTP, issued.otp().serialize());
    authSession.setAuthNote(FlowNotes.OTP_KEY_ID, key.kid());
    context
        .getEvent()
        .clone()
        .event(EventType.REGISTER)
        .user(user)
        .detail(GfmisEvents.STEP, GfmisEvents.Step.OTP_SENT)
        .detail(GfmisEvents.REFERENCE, issued.otp().reference())
        .detail("email", MaskedEmail.mask(email))
        .success();
    context.challenge(page(context, issued.otp()).createForm(TEMPLATE));
  }

  private void confirm(AuthenticationFlowContext context) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    EmailOtp otp = pendingOtp(authSession);
    if (otp == null) {
      context.challenge(page(context, null).setError("gfmisOtpNotRequested").createForm(TEMPLATE));
      return;
    }
    MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
    String guess = params.getFirst(CODE);
    if (guess == null || guess.isBlank()) {
      context.challenge(
          page(context, otp).addError(new FormMessage(CODE, "gfmisOtpEmpty")).createForm(TEMPLATE));
      return;
    }
    Optional<String> password = Optional.empty();
    if (setsPassword(authSession)) {
      String chosen = params.getFirst(PASSWORD);
      Optional<FormMessage> problem =
          passwordProblem(context, chosen, params.getFirst(PASSWORD_CONFIRM));
      if (problem.isPresent()) {
        event(context).error(Errors.PASSWORD_REJECTED);
        context.challenge(page(context, otp).addError(problem.get()).createForm(TEMPLATE));
        return;
      }
      password = Optional.of(chosen);
    }
    RegistrationSettings settings = RegistrationSettings.of(context.getAuthenticatorConfig());
    KeyedHash hasher =
        RealmSecrets.byKid(
            context.getSession(),
            context.getRealm(),
            authSession.getAuthNote(FlowNotes.OTP_KEY_ID));
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
        authSession.removeAuthNote(FlowNotes.OTP);
        authSession.removeAuthNote(FlowNotes.OTP_KEY_ID);
        submit(context, otp, password);
      }
      case WRONG -> {
        guessSlot.counted();
        EmailOtp after = otp.afterWrongGuess();
        authSession.setAuthNote(FlowNotes.OTP, after.serialize());
        int left = Math.min(after.guessesLeft(settings.otpPolicy()), guessSlot.remainingAfter());
        otpFailure(context, after, left == 0 ? "gfmisOtpLocked" : "gfmisOtpWrong", left);
      }
      case EXPIRED -> otpFailure(context, otp, "gfmisOtpExpired", 0);
      case LOCKED -> otpFailure(context, otp, "gfmisOtpLocked", 0);
    }
  }

  /** Stores the registration (or the fix of the open one) and moves on to its status. */
  private void submit(AuthenticationFlowContext context, EmailOtp otp, Optional<String> password) {
    KeycloakSession session = context.getSession();
    RealmModel realm = context.getRealm();
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    UserModel user = context.getUser();
    RegistrationStore store = session.getProvider(RegistrationStore.class);
    Submission submission = submission(authSession);
    Registration registration;
    try {
      if (!RequestGuard.acquire(
          session,
          SingleUseStores.REGISTRATION_SUBMITTING,
          SUBMIT_GUARD_SECONDS,
          realm.getId(),
          user.getId())) {
        // The same user ID submitted in another browser at this moment: that one decides.
        throw new OpenRegistrationExistsException("(being submitted)");
      }
      Optional<Registration> open = store.openFor(realm, user);
      if (open.isPresent()
          && (open.get().status() == RegistrationStatus.NEW
              || open.get().status() == RegistrationStatus.REJECT)) {
        registration = store.resubmit(realm, open.get().id(), open.get().version(), submission);
      } else {
        registration = store.create(realm, user, submission);
      }
    } catch (OpenRegistrationExistsException | StaleRegistrationException e) {
      event(context).error(GfmisEvents.ErrorCode.REGISTRATION_OPEN);
      context.challenge(
          context.form().setError("gfmisRegistrationAlreadyOpen").createForm(TEMPLATE_REFUSED));
      return;
    }
    password.ifPresent(
        chosen ->
            user.credentialManager().updateCredential(UserCredentialModel.password(chosen, false)));
    registration = new RegistrationDecisions(session, realm).approveAutomatically(registration);
    PendingOrder.clear(authSession);
    authSession.setAuthNote(RegistrationNotes.REGISTRATION_ID, registration.id());
    authSession.setAuthNote(
        RegistrationNotes.REGISTRATION_VERSION, Long.toString(registration.version()));
    context
        .getEvent()
        .clone()
        .event(EventType.REGISTER)
        .user(user)
        .detail(GfmisEvents.STEP, GfmisEvents.Step.REGISTRATION_SUBMITTED)
        .detail(GfmisEvents.REFERENCE, otp.reference())
        .detail(GfmisEvents.REGISTRATION_ID, registration.id())
        .detail(GfmisEvents.REGISTRATION_KIND, registration.kind().name())
        .detail(GfmisEvents.REGISTRATION_STATUS, registration.status().name())
        .success();
    context.success();
  }

  /** How long a submission's guard lasts if its node dies before giving it back. */
  private static final long SUBMIT_GUARD_SECONDS = 30;

  static final String TEMPLATE_REFUSED = RegistrationStatusAuthenticator.TEMPLATE;

  private static Submission submission(AuthenticationSessionModel authSession) {
    return new Submission(
        RegistrationKind.valueOf(authSession.getAuthNote(RegistrationNotes.KIND)),
        authSession.getAuthNote(RegistrationNotes.ENTERED_CID_HASH),
        authSession.getAuthNote(RegistrationNotes.ENTERED_CID_LAST_FOUR),
        authSession.getAuthNote(RegistrationNotes.PROVEN_NAME_TH),
        Optional.ofNullable(authSession.getAuthNote(RegistrationNotes.PROVEN_NAME_EN)),
        authSession.getAuthNote(RegistrationNotes.PROVEN_IAL),
        Optional.ofNullable(authSession.getAuthNote(FlowNotes.EMAIL)),
        PendingOrder.read(authSession).orElse(new Submission.Refused("gfmisOrderUnreadable")));
  }

  /** Only a new holder chooses the password here; anyone else keeps the user's until approval. */
  private static boolean setsPassword(AuthenticationSessionModel authSession) {
    return RegistrationKind.NEW_HOLDER
        .name()
        .equals(authSession.getAuthNote(RegistrationNotes.KIND));
  }

  private static Optional<FormMessage> passwordProblem(
      AuthenticationFlowContext context, String password, String confirmation) {
    if (password == null || password.isEmpty()) {
      return Optional.of(new FormMessage(PASSWORD, "missingPasswordMessage"));
    }
    if (!password.equals(confirmation)) {
      return Optional.of(new FormMessage(PASSWORD_CONFIRM, "invalidPasswordConfirmMessage"));
    }
    PolicyError error =
        context
            .getSession()
            .getProvider(PasswordPolicyManagerProvider.class)
            .validate(context.getRealm(), context.getUser(), password);
    return error == null
        ? Optional.empty()
        : Optional.of(new FormMessage(PASSWORD, error.getMessage(), error.getParameters()));
  }

  private static void otpFailure(
      AuthenticationFlowContext context, EmailOtp otp, String message, int guessesLeft) {
    event(context).detail(GfmisEvents.REFERENCE, otp.reference()).error(Errors.INVALID_CODE);
    context.challenge(
        page(context, otp).setError(message, Integer.toString(guessesLeft)).createForm(TEMPLATE));
  }

  private static EventBuilder event(AuthenticationFlowContext context) {
    return context
        .getEvent()
        .clone()
        .event(EventType.REGISTER_ERROR)
        .user(context.getUser())
        .detail(GfmisEvents.STEP, GfmisEvents.Step.REGISTRATION_CONFIRM);
  }

  private static LoginFormsProvider page(AuthenticationFlowContext context, EmailOtp otp) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    UserModel user = context.getUser();
    LoginFormsProvider form =
        context
            .form()
            .setAttribute("gfmisUserId", displayUserId(user))
            .setAttribute("gfmisEmail", authSession.getAuthNote(FlowNotes.EMAIL))
            .setAttribute(
                "gfmisCitizenIdLastFour",
                authSession.getAuthNote(RegistrationNotes.ENTERED_CID_LAST_FOUR))
            .setAttribute(
                "gfmisProvenName", authSession.getAuthNote(RegistrationNotes.PROVEN_NAME_TH))
            .setAttribute("gfmisKind", authSession.getAuthNote(RegistrationNotes.KIND))
            .setAttribute("gfmisSetsPassword", setsPassword(authSession));
    PendingOrder.read(authSession)
        .ifPresent(
            order -> {
              if (order instanceof Submission.Attached attached) {
                form.setAttribute("gfmisOrderName", attached.file().filename());
              } else if (order instanceof Submission.Refused refused) {
                form.setAttribute("gfmisOrderRefused", refused.reasonKey());
              }
            });
    if (otp != null) {
      Locale locale = context.getSession().getContext().resolveLocale(user);
      form.setAttribute("gfmisReference", otp.reference())
          .setAttribute(
              "gfmisExpiresAt", ThaiDates.format(otp.expiresAt(), locale, ThaiDates.BANGKOK));
    }
    return form;
  }

  static String displayUserId(UserModel user) {
    return user.getUsername().toUpperCase(Locale.ROOT);
  }

  private static EmailOtp pendingOtp(AuthenticationSessionModel authSession) {
    String stored = authSession.getAuthNote(FlowNotes.OTP);
    return stored == null ? null : EmailOtp.deserialize(stored);
  }

  private static String guessKey(AuthenticationFlowContext context, EmailOtp otp) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    return SingleUseStores.REGISTRATION_OTP_GUESSES.key(
        context.getRealm().getId(),
        authSession.getParentSession().getId(),
        authSession.getTabId(),
        otp.reference());
  }
}
