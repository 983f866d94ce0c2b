package th.gfmis.keycloak.authenticators.reset;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import th.gfmis.keycloak.core.RealmSecrets;
import th.gfmis.keycloak.core.citizenid.CitizenIdStore;
import th.gfmis.keycloak.core.events.GfmisEvents;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.core.throttle.UserLimit;
import th.gfmis.keycloak.core.throttle.Waits;
import th.gfmis.keycloak.domain.CitizenId;
import th.gfmis.keycloak.domain.GfmisUserId;

/**
 * First step of the forgotten-password flow: user ID, citizen ID and registered e-mail (R-F1). Only
 * the full triple identifies the user; anything else gets the same "no registered data" answer
 * (R-F3). Misses are counted per user ID and client address, and per client address, so that the
 * form cannot be used to probe citizen IDs, while misses from elsewhere never block the holder
 * ({@link ResetThrottles}, docs/lockouts.md).
 */
public class ResetIdentifyAuthenticator implements Authenticator {

  static final String TEMPLATE = "gfmis-reset-identify.ftl";

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    if (citizenIdsRefused(context)) {
      return;
    }
    context.challenge(form(context, ResetForm.empty()).createForm(TEMPLATE));
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    if (citizenIdsRefused(context)) {
      return;
    }
    ResetForm input = ResetForm.from(context.getHttpRequest().getDecodedFormParameters());
    List<FormMessage> fieldErrors = input.fieldErrors();
    if (!fieldErrors.isEmpty()) {
      context.getEvent().clone().event(EventType.RESET_PASSWORD).error(Errors.INVALID_INPUT);
      LoginFormsProvider form = form(context, input);
      fieldErrors.forEach(form::addError);
      context.challenge(form.createForm(TEMPLATE));
      return;
    }
    GfmisUserId userId = input.parsedUserId().orElseThrow();
    CitizenId citizenId = input.parsedCitizenId().orElseThrow();
    ResetSettings settings = ResetSettings.of(context.getAuthenticatorConfig());
    KeycloakSession session = context.getSession();
    RealmModel realm = context.getRealm();
    Instant now = Instant.now();
    UserModel candidate = session.users().getUserByUsername(realm, userId.username());
    String address = context.getConnection().getRemoteAddr();
    ResetThrottles throttles = new ResetThrottles(session, realm, settings);
    UserLimit perUserAndAddress =
        throttles.identifyMissesPerUserAndAddress(candidate, userId, address);
    UserLimit perAddress = throttles.identifyMissesPerAddress(candidate, userId, address);

    AttemptLimiter.Attempt userAttempt = perUserAndAddress.claim(now);
    if (!userAttempt.allowed()) {
      refuse(context, input, userId, userAttempt.blockedFor());
      return;
    }
    AttemptLimiter.Attempt addressAttempt = perAddress.claim(now);
    if (!addressAttempt.allowed()) {
      userAttempt.succeeded();
      refuse(context, input, userId, addressAttempt.blockedFor());
      return;
    }

    UserModel user = findHolder(session, realm, candidate, citizenId, input);
    if (user == null) {
      perUserAndAddress.counted(userAttempt);
      perAddress.counted(addressAttempt);
      context
          .getEvent()
          .clone()
          .event(EventType.RESET_PASSWORD)
          .detail(Details.USERNAME, userId.username())
          .error(Errors.USER_NOT_FOUND);
      context.challenge(
          form(context, input).setError("gfmisNoRegisteredData").createForm(TEMPLATE));
      return;
    }
    userAttempt.succeeded();
    addressAttempt.succeeded();
    context.getEvent().user(user).detail(Details.USERNAME, user.getUsername());
    context.setUser(user);
    context.success();
  }

  private static void refuse(
      AuthenticationFlowContext context, ResetForm input, GfmisUserId userId, Duration blocked) {
    context
        .getEvent()
        .clone()
        .event(EventType.RESET_PASSWORD)
        .detail(Details.USERNAME, userId.username())
        .error(GfmisEvents.ErrorCode.TOO_MANY_ATTEMPTS);
    context.challenge(
        form(context, input)
            .setError("gfmisTooManyAttempts", Long.toString(Waits.minutesRoundedUp(blocked)))
            .createForm(TEMPLATE));
  }

  /**
   * The holder when the whole triple matches, else null. An unknown or unusable user ID does the
   * same keyed-hash work as a known one, so that the answer time does not tell which user IDs
   * exist.
   */
  private static UserModel findHolder(
      KeycloakSession session,
      RealmModel realm,
      UserModel user,
      CitizenId citizenId,
      ResetForm input) {
    if (user == null || !user.isEnabled() || user.getEmail() == null) {
      RealmSecrets.active(session, realm).hasher().hash("citizen-id", citizenId.digits());
      return null;
    }
    boolean emailMatches = user.getEmail().equalsIgnoreCase(input.email());
    boolean citizenIdMatches = session.getProvider(CitizenIdStore.class).matches(user, citizenId);
    return emailMatches && citizenIdMatches ? user : null;
  }

  /**
   * Shows "service not configured" and returns true while the server has no usable CID hashing key
   * (the CID store logged why at start).
   */
  private static boolean citizenIdsRefused(AuthenticationFlowContext context) {
    if (context.getSession().getProvider(CitizenIdStore.class).available()) {
      return false;
    }
    context
        .getEvent()
        .clone()
        .event(EventType.RESET_PASSWORD)
        .error(GfmisEvents.ErrorCode.CITIZEN_ID_NOT_CONFIGURED);
    context.challenge(
        context
            .form()
            .setError("gfmisCitizenIdNotConfigured")
            .createErrorPage(Response.Status.SERVICE_UNAVAILABLE));
    return true;
  }

  private static LoginFormsProvider form(AuthenticationFlowContext context, ResetForm values) {
    return context.form().setAttribute("gfmisReset", values.asTemplateValues());
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
