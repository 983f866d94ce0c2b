package th.gfmis.keycloak.authenticators.reset;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import th.gfmis.keycloak.core.AbstractGfmisAuthenticator;
import th.gfmis.keycloak.core.RealmSecrets;
import th.gfmis.keycloak.core.citizenid.CitizenIdStore;
import th.gfmis.keycloak.core.events.GfmisEvents;
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
public class ResetIdentifyAuthenticator extends AbstractGfmisAuthenticator {

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
    if (!citizenIdsRefused(context)) {
      ResetForm input = ResetForm.from(context.getHttpRequest().getDecodedFormParameters());
      List<FormMessage> fieldErrors = input.fieldErrors();
      if (fieldErrors.isEmpty()) {
        identify(context, input);
      } else {
        showFieldErrors(context, input, fieldErrors);
      }
    }
  }

  private static void showFieldErrors(
      AuthenticationFlowContext context, ResetForm input, List<FormMessage> fieldErrors) {
    context.getEvent().clone().event(EventType.RESET_PASSWORD).error(Errors.INVALID_INPUT);
    LoginFormsProvider form = form(context, input);
    fieldErrors.forEach(form::addError);
    context.challenge(form.createForm(TEMPLATE));
  }

  /** Looks for the holder of the well-formed triple, once both miss limits let the attempt in. */
  private static void identify(AuthenticationFlowContext context, ResetForm input) {
    GfmisUserId userId = input.parsedUserId().orElseThrow();
    UserModel candidate =
        context.getSession().users().getUserByUsername(context.getRealm(), userId.username());
    ClaimedLimits misses = claimMisses(context, candidate, userId);
    if (misses.allowed()) {
      matchTriple(context, input, candidate, misses);
    } else {
      refuse(context, input, userId, misses.blockedFor());
    }
  }

  /**
   * The holder goes on when the whole triple matches; a miss counts in both limits, a match in
   * neither.
   */
  private static void matchTriple(
      AuthenticationFlowContext context,
      ResetForm input,
      UserModel candidate,
      ClaimedLimits misses) {
    UserModel user =
        misses.giveBackIfUndecided(
            () ->
                findHolder(
                    context.getSession(),
                    context.getRealm(),
                    candidate,
                    input.parsedCitizenId().orElseThrow(),
                    input));
    if (user == null) {
      misses.counted();
      noRegisteredData(context, input, input.parsedUserId().orElseThrow());
    } else {
      misses.givenBack();
      context.getEvent().user(user).detail(Details.USERNAME, user.getUsername());
      context.setUser(user);
      context.success();
    }
  }

  /** Misses per user ID and client address, then per client address. */
  private static ClaimedLimits claimMisses(
      AuthenticationFlowContext context, UserModel candidate, GfmisUserId userId) {
    ResetThrottles throttles =
        new ResetThrottles(
            context.getSession(),
            context.getRealm(),
            ResetSettings.of(context.getAuthenticatorConfig()));
    String address = context.getConnection().getRemoteAddr();
    return ClaimedLimits.claim(
        Instant.now(),
        List.of(
            throttles.identifyMissesPerUserAndAddress(candidate, userId, address),
            throttles.identifyMissesPerAddress(candidate, userId, address)));
  }

  private static void noRegisteredData(
      AuthenticationFlowContext context, ResetForm input, GfmisUserId userId) {
    context
        .getEvent()
        .clone()
        .event(EventType.RESET_PASSWORD)
        .detail(Details.USERNAME, userId.username())
        .error(Errors.USER_NOT_FOUND);
    context.challenge(form(context, input).setError("gfmisNoRegisteredData").createForm(TEMPLATE));
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
}
