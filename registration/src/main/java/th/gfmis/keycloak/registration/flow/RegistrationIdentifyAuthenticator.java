package th.gfmis.keycloak.registration.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.core.AbstractGfmisAuthenticator;
import th.gfmis.keycloak.core.citizenid.CitizenIdStore;
import th.gfmis.keycloak.core.events.GfmisEvents;
import th.gfmis.keycloak.core.state.SingleUseStores;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.core.throttle.Waits;
import th.gfmis.keycloak.domain.CitizenId;
import th.gfmis.keycloak.domain.GfmisUserId;
import th.gfmis.keycloak.registration.RegistrationNotes;
import th.gfmis.keycloak.registration.RegistrationUris;
import th.gfmis.keycloak.registration.SessionTicket;
import th.gfmis.keycloak.registration.Submission;

/**
 * Registration step 1 (R-R1): user ID, citizen ID, assignment order and e-mail. The user ID must
 * exist; an unknown one gets one answer that tells nothing else, and such misses are counted per
 * client address so that the page cannot be used to list user IDs. Nothing is stored: the user, the
 * CID's keyed hash and last four digits, the e-mail and the checked file wait in the authentication
 * session for identity proofing.
 */
public class RegistrationIdentifyAuthenticator extends AbstractGfmisAuthenticator {

  static final String TEMPLATE = "gfmis-registration-identify.ftl";
  static final int MAX_UNKNOWN_PER_ADDRESS = 10;
  static final Duration UNKNOWN_WINDOW = Duration.ofMinutes(15);

  /**
   * Shows the page, or decides on what it sent: the page posts to {@link
   * IdentifySubmissionResource}, which keeps the submission and sends the browser back here.
   */
  @Override
  public void authenticate(AuthenticationFlowContext context) {
    Optional<IdentifySubmission> submitted =
        IdentifySubmission.take(context.getAuthenticationSession());
    if (submitted.isEmpty()) {
      context.challenge(form(context, RegistrationForm.empty()).createForm(TEMPLATE));
      return;
    }
    if (!decide(context, submitted.get().form(), submitted.get().order())) {
      PendingOrder.clear(context.getAuthenticationSession());
    }
  }

  /** The page never posts to the flow; a post that does only gets the page again. */
  @Override
  public void action(AuthenticationFlowContext context) {
    context.challenge(form(context, RegistrationForm.empty()).createForm(TEMPLATE));
  }

  /** Whether the step succeeded; otherwise the page is shown again with the reason. */
  private boolean decide(
      AuthenticationFlowContext context,
      RegistrationForm input,
      Optional<Submission.OrderAttachment> order) {
    List<FormMessage> errors = new ArrayList<>(input.fieldErrors());
    if (order.isEmpty()) {
      errors.add(new FormMessage(RegistrationForm.ORDER, "gfmisOrderMissing"));
    }
    if (!errors.isEmpty()) {
      event(context, input).error(Errors.INVALID_INPUT);
      LoginFormsProvider form = form(context, input);
      errors.forEach(form::addError);
      context.challenge(form.createForm(TEMPLATE));
      return false;
    }
    GfmisUserId userId = input.parsedUserId().orElseThrow();
    CitizenId citizenId = input.parsedCitizenId().orElseThrow();
    KeycloakSession session = context.getSession();
    RealmModel realm = context.getRealm();
    CitizenIdStore citizenIds = session.getProvider(CitizenIdStore.class);
    if (!citizenIds.available()) {
      event(context, input).error(GfmisEvents.ErrorCode.CITIZEN_ID_NOT_CONFIGURED);
      context.challenge(
          form(context, input).setError("gfmisCitizenIdNotConfigured").createForm(TEMPLATE));
      return false;
    }
    Instant now = Instant.now();
    AttemptLimiter misses =
        new AttemptLimiter(session.singleUseObjects(), MAX_UNKNOWN_PER_ADDRESS, UNKNOWN_WINDOW);
    String missKey =
        SingleUseStores.REGISTRATION_UNKNOWN_USERS.key(
            realm.getId(), context.getConnection().getRemoteAddr());
    AttemptLimiter.Attempt attempt = misses.claim(missKey, now);
    if (!attempt.allowed()) {
      event(context, input).error(GfmisEvents.ErrorCode.TOO_MANY_ATTEMPTS);
      context.challenge(
          form(context, input)
              .setError(
                  "gfmisTooManyAttempts",
                  Long.toString(Waits.minutesRoundedUp(attempt.blockedFor())))
              .createForm(TEMPLATE));
      return false;
    }
    UserModel user =
        attempt.giveBackIfUndecided(
            () -> session.users().getUserByUsername(realm, userId.username()));
    if (user == null || !user.isEnabled()) {
      attempt.counted();
      event(context, input).error(Errors.USER_NOT_FOUND);
      context.challenge(
          form(context, input).setError("gfmisRegistrationUnknownUser").createForm(TEMPLATE));
      return false;
    }
    attempt.succeeded();
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    authSession.setAuthNote(RegistrationNotes.ENTERED_CID_HASH, citizenIds.hashOf(citizenId));
    authSession.setAuthNote(RegistrationNotes.ENTERED_CID_LAST_FOUR, citizenId.lastFour());
    authSession.setAuthNote(FlowNotes.EMAIL, input.email());
    // The pages stay in the registrant's language: once the user is set, Keycloak would otherwise
    // switch to the language saved for the account, which may be someone else's.
    authSession.setAuthNote(
        LocaleSelectorProvider.USER_REQUEST_LOCALE,
        session.getContext().resolveLocale(null).toLanguageTag());
    context.setUser(user);
    context
        .getEvent()
        .clone()
        .event(EventType.REGISTER)
        .user(user)
        .detail(Details.USERNAME, user.getUsername())
        .detail(GfmisEvents.STEP, GfmisEvents.Step.REGISTRATION_IDENTIFIED)
        .detail(
            GfmisEvents.ASSIGNMENT_ORDER,
            order.get() instanceof Submission.Refused refused ? refused.reasonKey() : "attached")
        .success();
    context.success();
    return true;
  }

  private static org.keycloak.events.EventBuilder event(
      AuthenticationFlowContext context, RegistrationForm input) {
    return context
        .getEvent()
        .clone()
        .event(EventType.REGISTER_ERROR)
        .detail(
            Details.USERNAME, input.parsedUserId().map(GfmisUserId::username).orElse("(malformed)"))
        .detail(GfmisEvents.STEP, GfmisEvents.Step.REGISTRATION_IDENTIFY);
  }

  /** The page, with a new single-use ticket for its post. */
  static LoginFormsProvider form(AuthenticationFlowContext context, RegistrationForm values) {
    return context
        .form()
        .setAttribute("gfmisRegistration", values.asTemplateValues())
        .setAttribute(
            "gfmisIdentify",
            Map.of(
                "action",
                RegistrationUris.of(
                        context.getSession(), context.getRealm(), RegistrationUris.IDENTIFY)
                    .toString(),
                "ticket",
                SessionTicket.issue(
                        context.getAuthenticationSession(), SessionTicket.Use.IDENTIFY_FORM)
                    .encoded()));
  }

  @Override
  public boolean requiresUser() {
    return false;
  }
}
