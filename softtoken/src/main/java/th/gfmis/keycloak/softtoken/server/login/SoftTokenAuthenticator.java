package th.gfmis.keycloak.softtoken.server.login;

import jakarta.ws.rs.core.HttpHeaders;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.core.AbstractGfmisAuthenticator;
import th.gfmis.keycloak.core.events.GfmisEvents;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.core.throttle.Waits;
import th.gfmis.keycloak.domain.ThaiDates;
import th.gfmis.keycloak.softtoken.protocol.ChallengeResponses;
import th.gfmis.keycloak.softtoken.protocol.NumberMatching;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenDevices;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenSessions;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollSoftTokenAction;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollSoftTokenActionFactory;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollmentRule;
import th.gfmis.keycloak.softtoken.server.push.SoftTokenPushProvider;
import th.gfmis.keycloak.softtoken.server.state.BrowserPolls;
import th.gfmis.keycloak.softtoken.server.state.ChallengeThrottle;
import th.gfmis.keycloak.softtoken.server.state.Challenges;
import th.gfmis.keycloak.softtoken.server.state.SoftTokenLockout;

/**
 * Sign-in approval on the phone (R-L2), after user ID and password: creates a login challenge in
 * the cluster-wide single-use store (one per browser sign-in, beside the user's other pending ones;
 * new ones throttled per user and client address), shows the number to pick on the phone, and lets
 * the page poll until the device has answered. Denial, a wrong number and timeout each end on a
 * page with "try again"; too many denials and wrong numbers lock the step for the user from the
 * client address that started those sign-ins ({@link SoftTokenLockout}). A user without a device is
 * sent to "Get Certificate" ({@link EnrollSoftTokenActionFactory}).
 */
public class SoftTokenAuthenticator extends AbstractGfmisAuthenticator {

  static final String WAIT_TEMPLATE = "gfmis-softtoken-approve.ftl";
  static final String RESULT_TEMPLATE = "gfmis-softtoken-result.ftl";
  static final String EXPIRED_TEMPLATE = "gfmis-softtoken-certificate-expired.ftl";
  static final String NOTE_CHALLENGE = "gfmis-softtoken-challenge";
  static final String NOTE_POLL = "gfmis-softtoken-poll";
  static final String NOTE_DISPLAYED = "gfmis-softtoken-number";
  static final String ACTION = "action";
  static final String ACTION_RETRY = "retry";

  private static final Logger LOG = Logger.getLogger(SoftTokenAuthenticator.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    if (certificateExpired(context)) {
      return;
    }
    Challenges.Challenge live = liveChallenge(context);
    if (live != null) {
      showWait(context, live);
      return;
    }
    startChallenge(context);
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    if (certificateExpired(context)) {
      return;
    }
    String action = context.getHttpRequest().getDecodedFormParameters().getFirst(ACTION);
    if (ACTION_RETRY.equals(action)) {
      withdraw(context);
      startChallenge(context);
      return;
    }
    check(context);
  }

  /** An expired certificate cannot answer: show the way back in (and say so) instead. */
  private static boolean certificateExpired(AuthenticationFlowContext context) {
    Optional<Instant> expiredAt =
        SoftTokenDevices.current(context.getUser())
            .flatMap(new CertificateExpiry(Clock.systemUTC())::expiredAt);
    if (expiredAt.isEmpty()) {
      return false;
    }
    GfmisEvents.step(context.getEvent(), EventType.LOGIN_ERROR, GfmisEvents.Step.SOFTTOKEN)
        .user(context.getUser())
        .error(GfmisEvents.ErrorCode.SOFTTOKEN_CERTIFICATE_EXPIRED);
    Locale locale = context.getSession().getContext().resolveLocale(context.getUser());
    context.challenge(
        context
            .form()
            .setAttribute(
                "gfmisExpiredAt", ThaiDates.format(expiredAt.get(), locale, ThaiDates.BANGKOK))
            .createForm(EXPIRED_TEMPLATE));
    return true;
  }

  /** A new challenge for this sign-in, unless the client address is locked out or throttled. */
  private static void startChallenge(AuthenticationFlowContext context) {
    LoginSettings settings = LoginSettings.of(context.getAuthenticatorConfig());
    Instant now = Instant.now();
    lockedOut(context, settings, now)
        .or(() -> throttled(context, settings, now))
        .or(() -> createChallenge(context, settings, now))
        .ifPresent(refusal -> result(context, refusal.outcome(), refusal.minutes()));
  }

  /** Locked: too many denials and wrong numbers of challenges this client address started. */
  private static Optional<Refusal> lockedOut(
      AuthenticationFlowContext context, LoginSettings settings, Instant now) {
    Duration locked =
        SoftTokenLockout.of(context.getSession().singleUseObjects(), context.getRealm())
            .blockedFor(
                context.getUser().getId(),
                context.getConnection().getRemoteAddr(),
                settings.maxFailures(),
                settings.failureWindow(),
                now);
    return locked.isZero()
        ? Optional.empty()
        : Optional.of(new Refusal(ChallengeOutcome.LOCKED, locked));
  }

  /** Counts the new challenge; throttled when this client address has started too many. */
  private static Optional<Refusal> throttled(
      AuthenticationFlowContext context, LoginSettings settings, Instant now) {
    AttemptLimiter.Attempt issued =
        ChallengeThrottle.of(context.getSession().singleUseObjects(), context.getRealm())
            .count(
                context.getUser().getId(),
                context.getConnection().getRemoteAddr(),
                settings.maxChallenges(),
                settings.challengeWindow(),
                now);
    return issued.allowed()
        ? Optional.empty()
        : Optional.of(new Refusal(ChallengeOutcome.THROTTLED, issued.blockedFor()));
  }

  /**
   * Stores a new challenge beside the user's other pending ones and starts waiting for it; when the
   * user already has as many pending as allowed, nothing is started and the step is throttled for
   * the lifetime of a challenge.
   */
  private static Optional<Refusal> createChallenge(
      AuthenticationFlowContext context, LoginSettings settings, Instant now) {
    Optional<Challenges.Challenge> created =
        Challenges.of(context.getSession(), context.getRealm())
            .create(newChallenge(context, settings, now), now);
    created.ifPresent(challenge -> begin(context, challenge));
    return created.isPresent()
        ? Optional.empty()
        : Optional.of(new Refusal(ChallengeOutcome.THROTTLED, settings.challengeTtl()));
  }

  /** A challenge with its number, its poll handle for the browser and what the phone shows. */
  private static Challenges.Challenge newChallenge(
      AuthenticationFlowContext context, LoginSettings settings, Instant now) {
    NumberMatching.Numbers numbers = NumberMatching.generate(RANDOM);
    Instant expires = now.plus(settings.challengeTtl());
    String poll = BrowserPolls.newHandle(RANDOM);
    return new Challenges.Challenge(
        context.getUser().getId(),
        summary(context, settings, numbers, now, expires),
        numbers.displayed(),
        poll,
        settings.maxFailures(),
        settings.failureWindow());
  }

  /** What the phone shows of the sign-in: the client, the browser, the address, the choices. */
  private static PendingChallenge summary(
      AuthenticationFlowContext context,
      LoginSettings settings,
      NumberMatching.Numbers numbers,
      Instant now,
      Instant expires) {
    ClientModel client = context.getAuthenticationSession().getClient();
    return new PendingChallenge(
        null, // given when stored: it names the challenge's slot
        ChallengeResponses.newNonce(RANDOM),
        client.getClientId(),
        displayName(client),
        now,
        expires,
        BrowserNames.describe(
            context.getHttpRequest().getHttpHeaders().getHeaderString(HttpHeaders.USER_AGENT)),
        context.getConnection().getRemoteAddr(),
        settings.numberMatching() == NumberMatching.Mode.PICK ? numbers.choices() : null,
        settings.numberMatching().wire());
  }

  /** This sign-in remembers the stored challenge, the phone is told, and the page waits. */
  private static void begin(AuthenticationFlowContext context, Challenges.Challenge challenge) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    authSession.setAuthNote(NOTE_CHALLENGE, challenge.summary().id());
    authSession.setAuthNote(NOTE_POLL, challenge.pollHandle());
    push(context, context.getUser(), challenge.listed());
    showWait(context, challenge);
  }

  /** Why no challenge was made, and for how long. */
  private record Refusal(ChallengeOutcome outcome, Duration blockedFor) {

    long minutes() {
      return Waits.minutesRoundedUp(blockedFor);
    }
  }

  /** The page's "continue": the device's answer when it has come; otherwise wait on, or expire. */
  private void check(AuthenticationFlowContext context) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    String handle = authSession.getAuthNote(NOTE_POLL);
    if (handle == null) {
      withdraw(context);
      result(context, ChallengeOutcome.EXPIRED, 0);
      return;
    }
    // No record yet: the device has not answered (the handle's record is written with the outcome).
    BrowserPolls.Poll poll = new BrowserPolls(context.getSession().singleUseObjects()).read(handle);
    if (poll == null || BrowserPolls.PENDING.equals(poll.state())) {
      waitOrExpire(context);
    } else {
      clearNotes(authSession);
      conclude(context, poll);
    }
  }

  /** No answer yet: the number page again while the challenge lives, "expired" after it. */
  private static void waitOrExpire(AuthenticationFlowContext context) {
    Challenges.Challenge live = liveChallenge(context);
    if (live != null) {
      showWait(context, live);
    } else {
      // Left to expire in the store, so that a late answer still gets challenge_expired.
      clearNotes(context.getAuthenticationSession());
      result(context, ChallengeOutcome.EXPIRED, 0);
    }
  }

  /** The device has answered: signed in when the user's current device approved, else refused. */
  private static void conclude(AuthenticationFlowContext context, BrowserPolls.Poll poll) {
    ChallengeOutcome outcome =
        ChallengeOutcome.fromWire(poll.state()).orElse(ChallengeOutcome.EXPIRED);
    if (outcome == ChallengeOutcome.APPROVED && approvedByCurrentDevice(context.getUser(), poll)) {
      approve(context, poll.detail());
    } else {
      // An approval by a device that has since been revoked counts as a denial.
      ChallengeOutcome refusal =
          outcome == ChallengeOutcome.APPROVED ? ChallengeOutcome.DENIED : outcome;
      GfmisEvents.step(context.getEvent(), EventType.LOGIN_ERROR, GfmisEvents.Step.SOFTTOKEN)
          .user(context.getUser())
          .error(GfmisEvents.ErrorCode.softToken(refusal.wire()));
      result(context, refusal, 0);
    }
  }

  /** The approval names (in the poll's detail) the serial of the user's device now. */
  private static boolean approvedByCurrentDevice(UserModel user, BrowserPolls.Poll poll) {
    return poll.detail() != null
        && SoftTokenDevices.current(user).map(d -> poll.detail().equals(d.serial())).orElse(false);
  }

  private static void approve(AuthenticationFlowContext context, String serial) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    context
        .getEvent()
        .detail(GfmisEvents.SOFTTOKEN_SERIAL, serial)
        .detail(GfmisEvents.STEP, GfmisEvents.Step.SOFTTOKEN_APPROVED);
    authSession.setAuthNote(EnrollmentRule.NOTE_APPROVED_SERIAL, serial);
    SoftTokenSessions.markApproved(authSession, serial);
    context.success();
  }

  private static Challenges.Challenge liveChallenge(AuthenticationFlowContext context) {
    String id = context.getAuthenticationSession().getAuthNote(NOTE_CHALLENGE);
    if (id == null) {
      return null;
    }
    Challenges.Challenge challenge =
        Challenges.of(context.getSession(), context.getRealm()).get(id);
    if (challenge == null
        || !challenge.userId().equals(context.getUser().getId())
        || !Instant.now().isBefore(challenge.summary().expiresAt())) {
      return null;
    }
    return challenge;
  }

  private static void withdraw(AuthenticationFlowContext context) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    String id = authSession.getAuthNote(NOTE_CHALLENGE);
    if (id != null) {
      Challenges.of(context.getSession(), context.getRealm()).withdraw(id);
    }
    // A page of the withdrawn challenge still open elsewhere then moves on instead of waiting.
    String handle = authSession.getAuthNote(NOTE_POLL);
    if (handle != null) {
      new BrowserPolls(context.getSession().singleUseObjects())
          .complete(handle, ChallengeOutcome.EXPIRED.wire(), null, Instant.now());
    }
    clearNotes(authSession);
  }

  /**
   * Ends this sign-in's link to its challenge. The poll record is left to expire: without the notes
   * no sign-in can use it (the page that holds its handle can still ask "ready?", and learns
   * nothing new), and removing it would cost a write to every node.
   */
  private static void clearNotes(AuthenticationSessionModel authSession) {
    authSession.removeAuthNote(NOTE_CHALLENGE);
    authSession.removeAuthNote(NOTE_POLL);
  }

  private static void push(AuthenticationFlowContext context, UserModel user, PendingChallenge c) {
    try {
      SoftTokenPushProvider push = context.getSession().getProvider(SoftTokenPushProvider.class);
      if (push != null) {
        push.challengeCreated(context.getRealm(), user, c);
      }
    } catch (RuntimeException e) {
      LOG.warnf(
          "Soft Token push failed in realm %s: %s", context.getRealm().getName(), e.toString());
    }
  }

  private static void showWait(AuthenticationFlowContext context, Challenges.Challenge challenge) {
    long secondsLeft =
        Math.max(0, Duration.between(Instant.now(), challenge.summary().expiresAt()).toSeconds());
    LoginFormsProvider form =
        context
            .form()
            .setAttribute("gfmisNumber", challenge.displayed())
            .setAttribute("gfmisNumberMatching", challenge.summary().mode().wire())
            .setAttribute("gfmisClientName", challenge.summary().clientName())
            .setAttribute("gfmisSecondsLeft", secondsLeft)
            .setAttribute(
                "gfmisStatusUrl",
                BrowserStatusUrl.of(
                    context.getSession(),
                    context.getRealm(),
                    challenge.pollHandle(),
                    challenge.summary().expiresAt()));
    context.challenge(form.createForm(WAIT_TEMPLATE));
  }

  private static void result(
      AuthenticationFlowContext context, ChallengeOutcome outcome, long minutes) {
    context.challenge(
        context
            .form()
            .setAttribute("gfmisReason", outcome.wire())
            .setAttribute("gfmisMinutes", minutes)
            .createForm(RESULT_TEMPLATE));
  }

  private static String displayName(ClientModel client) {
    String name = client.getName();
    return name == null || name.isBlank() || name.startsWith("${") ? client.getClientId() : name;
  }

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return EnrollmentRule.approvesOnCurrentDevice(user, Instant.now());
  }

  /**
   * A user without a usable device, or with a grant to replace it, at the Soft Token level: "Get
   * Certificate" for this sign-in only (never stored on the user, so a password-level sign-in is
   * not sent there); it issues a code or explains why not ({@link EnrollmentRule}).
   */
  @Override
  public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
    if (authSession == null) {
      // Not expected inside a flow; "Get Certificate" still applies the rule on its own.
      user.addRequiredAction(EnrollSoftTokenActionFactory.PROVIDER_ID);
      return;
    }
    authSession.setAuthNote(EnrollSoftTokenAction.NOTE_SETUP, "true");
    authSession.addRequiredAction(EnrollSoftTokenActionFactory.PROVIDER_ID);
  }

  @Override
  public List<org.keycloak.authentication.RequiredActionFactory> getRequiredActions(
      KeycloakSession session) {
    return List.of(
        (org.keycloak.authentication.RequiredActionFactory)
            session
                .getKeycloakSessionFactory()
                .getProviderFactory(
                    org.keycloak.authentication.RequiredActionProvider.class,
                    EnrollSoftTokenActionFactory.PROVIDER_ID));
  }
}
