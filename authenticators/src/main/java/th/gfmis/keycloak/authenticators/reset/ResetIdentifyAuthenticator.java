package th.gfmis.keycloak.authenticators.reset;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import th.gfmis.keycloak.core.citizenid.CitizenIdStore;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.domain.CitizenId;
import th.gfmis.keycloak.domain.GfmisUserId;

/**
 * First step of the forgotten-password flow: user ID, citizen ID and registered e-mail (R-F1). Only
 * the full triple identifies the user; anything else gets the same "no registered data" answer
 * (R-F3). Misses are counted per user ID and per client address so the form cannot be used to probe
 * citizen IDs.
 */
public class ResetIdentifyAuthenticator implements Authenticator {

  static final String TEMPLATE = "gfmis-reset-identify.ftl";
  static final String CITIZEN_ID_NOT_CONFIGURED = "gfmis_citizen_id_not_configured";

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
    Instant now = Instant.now();
    AttemptLimiter userLimiter =
        new AttemptLimiter(
            context.getSession().singleUseObjects(),
            settings.maxMissesPerUser(),
            settings.missWindow());
    AttemptLimiter addressLimiter =
        new AttemptLimiter(
            context.getSession().singleUseObjects(),
            settings.maxMissesPerAddress(),
            settings.missWindow());
    String userKey = throttleKey(context.getRealm(), "user", userId.username());
    String addressKey =
        throttleKey(context.getRealm(), "address", context.getConnection().getRemoteAddr());

    Duration blocked =
        max(userLimiter.blockedFor(userKey, now), addressLimiter.blockedFor(addressKey, now));
    if (!blocked.isZero()) {
      context
          .getEvent()
          .clone()
          .event(EventType.RESET_PASSWORD)
          .detail("username", userId.username())
          .error("too_many_attempts");
      context.challenge(
          form(context, input)
              .setError("gfmisTooManyAttempts", Long.toString(minutesRoundedUp(blocked)))
              .createForm(TEMPLATE));
      return;
    }

    UserModel user = findHolder(context.getSession(), context.getRealm(), userId, citizenId, input);
    if (user == null) {
      userLimiter.recordFailure(userKey, now);
      addressLimiter.recordFailure(addressKey, now);
      context
          .getEvent()
          .clone()
          .event(EventType.RESET_PASSWORD)
          .detail("username", userId.username())
          .error(Errors.USER_NOT_FOUND);
      context.challenge(
          form(context, input).setError("gfmisNoRegisteredData").createForm(TEMPLATE));
      return;
    }
    userLimiter.reset(userKey);
    context.getEvent().user(user).detail("username", user.getUsername());
    context.setUser(user);
    context.success();
  }

  private static UserModel findHolder(
      KeycloakSession session,
      RealmModel realm,
      GfmisUserId userId,
      CitizenId citizenId,
      ResetForm input) {
    UserModel user = session.users().getUserByUsername(realm, userId.username());
    if (user == null || !user.isEnabled() || user.getEmail() == null) {
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
    context.getEvent().clone().event(EventType.RESET_PASSWORD).error(CITIZEN_ID_NOT_CONFIGURED);
    context.challenge(
        context
            .form()
            .setError("gfmisCitizenIdNotConfigured")
            .createErrorPage(Response.Status.SERVICE_UNAVAILABLE));
    return true;
  }

  static String throttleKey(RealmModel realm, String kind, String value) {
    return "gfmis-reset-miss:" + realm.getId() + ":" + kind + ":" + value;
  }

  static long minutesRoundedUp(Duration duration) {
    return Math.max(1, (duration.toSeconds() + 59) / 60);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
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
