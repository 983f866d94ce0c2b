package th.gfmis.keycloak.registration.flow;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.core.citizenid.CitizenIdStore;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.domain.CitizenId;
import th.gfmis.keycloak.domain.GfmisUserId;
import th.gfmis.keycloak.registration.RegistrationNotes;
import th.gfmis.keycloak.registration.Submission;

/**
 * Registration step 1 (R-R1): user ID, citizen ID, assignment order and e-mail. The user ID must
 * exist; an unknown one gets one answer that tells nothing else, and such misses are counted per
 * client address so that the page cannot be used to list user IDs. Nothing is stored: the user, the
 * CID's keyed hash and last four digits, the e-mail and the checked file wait in the authentication
 * session for identity proofing.
 */
public class RegistrationIdentifyAuthenticator implements Authenticator {

  static final String TEMPLATE = "gfmis-registration-identify.ftl";
  static final int MAX_UNKNOWN_PER_ADDRESS = 10;
  static final Duration UNKNOWN_WINDOW = Duration.ofMinutes(15);
  private static final Logger LOG = Logger.getLogger(RegistrationIdentifyAuthenticator.class);

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    context.challenge(form(context, RegistrationForm.empty()).createForm(TEMPLATE));
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    RegistrationForm input = RegistrationForm.fromParts(context.getHttpRequest());
    List<FormMessage> errors = new java.util.ArrayList<>(input.fieldErrors());
    Optional<Submission.OrderAttachment> order;
    try {
      order = OrderUpload.check(context.getHttpRequest());
    } catch (IOException | RuntimeException e) {
      LOG.debugf("Unreadable assignment-order upload: %s", e.getClass().getName());
      order = Optional.of(new Submission.Refused("gfmisOrderUnreadable"));
    }
    if (order.isEmpty()) {
      errors.add(new FormMessage(RegistrationForm.ORDER, "gfmisOrderMissing"));
    }
    if (!errors.isEmpty()) {
      event(context, input).error(Errors.INVALID_INPUT);
      LoginFormsProvider form = form(context, input);
      errors.forEach(form::addError);
      context.challenge(form.createForm(TEMPLATE));
      return;
    }
    GfmisUserId userId = input.parsedUserId().orElseThrow();
    CitizenId citizenId = input.parsedCitizenId().orElseThrow();
    KeycloakSession session = context.getSession();
    RealmModel realm = context.getRealm();
    CitizenIdStore citizenIds = session.getProvider(CitizenIdStore.class);
    if (!citizenIds.available()) {
      event(context, input).error("gfmis_citizen_id_not_configured");
      context.challenge(
          form(context, input).setError("gfmisCitizenIdNotConfigured").createForm(TEMPLATE));
      return;
    }
    Instant now = Instant.now();
    AttemptLimiter misses =
        new AttemptLimiter(session.singleUseObjects(), MAX_UNKNOWN_PER_ADDRESS, UNKNOWN_WINDOW);
    String missKey =
        "gfmis-reg-unknown:" + realm.getId() + ":" + context.getConnection().getRemoteAddr();
    AttemptLimiter.Attempt attempt = misses.claim(missKey, now);
    if (!attempt.allowed()) {
      event(context, input).error("too_many_attempts");
      context.challenge(
          form(context, input)
              .setError(
                  "gfmisTooManyAttempts",
                  Long.toString(Math.max(1, (attempt.blockedFor().toSeconds() + 59) / 60)))
              .createForm(TEMPLATE));
      return;
    }
    UserModel user = session.users().getUserByUsername(realm, userId.username());
    if (user == null || !user.isEnabled()) {
      attempt.counted();
      event(context, input).error(Errors.USER_NOT_FOUND);
      context.challenge(
          form(context, input).setError("gfmisRegistrationUnknownUser").createForm(TEMPLATE));
      return;
    }
    attempt.succeeded();
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    authSession.setAuthNote(RegistrationNotes.ENTERED_CID_HASH, citizenIds.hashOf(citizenId));
    authSession.setAuthNote(RegistrationNotes.ENTERED_CID_LAST_FOUR, citizenId.lastFour());
    authSession.setAuthNote(FlowNotes.EMAIL, input.email());
    PendingOrder.keep(authSession, order.get());
    context.setUser(user);
    context
        .getEvent()
        .clone()
        .event(EventType.REGISTER)
        .user(user)
        .detail(Details.USERNAME, user.getUsername())
        .detail("gfmis_step", "identified")
        .detail(
            "gfmis_order",
            order.get() instanceof Submission.Refused refused ? refused.reasonKey() : "attached")
        .success();
    context.success();
  }

  private static org.keycloak.events.EventBuilder event(
      AuthenticationFlowContext context, RegistrationForm input) {
    return context
        .getEvent()
        .clone()
        .event(EventType.REGISTER_ERROR)
        .detail(
            Details.USERNAME, input.parsedUserId().map(GfmisUserId::username).orElse("(malformed)"))
        .detail("gfmis_step", "identify");
  }

  static LoginFormsProvider form(AuthenticationFlowContext context, RegistrationForm values) {
    return context.form().setAttribute("gfmisRegistration", values.asTemplateValues());
  }

  @Override
  public boolean requiresUser() {
    return false;
  }

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return true;
  }

  @Override
  public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

  @Override
  public void close() {}
}
