package th.gfmis.keycloak.authenticators.password;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.events.Errors;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.CredentialRepresentation;
import th.gfmis.keycloak.core.events.GfmisEvents;
import th.gfmis.keycloak.core.state.SingleUseStores;
import th.gfmis.keycloak.core.throttle.AddressLockout;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.core.throttle.UserLimit;

/**
 * Keycloak's user ID and password form, with wrong passwords counted per user <em>and client
 * address</em> instead of per user: someone who knows a user ID and guesses locks out only their
 * own address, never the holder (docs/lockouts.md). The realm's own brute-force detection, which
 * counts per user, is off in the realm export for this reason.
 *
 * <p>A slot is claimed before the password is checked, so parallel guesses cannot pass the limit; a
 * right password gives it back, and so does a check that fails without an answer (the database is
 * down, say). A locked address gets Keycloak's answer for a temporarily disabled user, which does
 * not tell whether the password was right.
 */
public class PasswordForm extends UsernamePasswordForm {

  public static final String LOCKOUT_KIND = "password-lockout";

  @Override
  public boolean validatePassword(
      AuthenticationFlowContext context,
      UserModel user,
      MultivaluedMap<String, String> inputData,
      boolean clearUser) {
    String password = inputData.getFirst(CredentialRepresentation.PASSWORD);
    if (password == null || password.isEmpty()) {
      return super.validatePassword(context, user, inputData, clearUser);
    }
    PasswordSettings settings = PasswordSettings.of(context.getAuthenticatorConfig());
    UserLimit limit =
        lockout(context)
            .limit(
                user.getId(),
                context.getConnection().getRemoteAddr(),
                settings.maxFailures(),
                settings.failureWindow());
    AttemptLimiter.Attempt attempt = limit.claim(Instant.now());
    if (!attempt.allowed()) {
      refuseLocked(context, user, clearUser);
      return false;
    }
    boolean valid =
        attempt.giveBackIfUndecided(
            () -> super.validatePassword(context, user, inputData, clearUser));
    if (valid) {
      attempt.succeeded();
    } else {
      limit.counted(attempt);
    }
    return valid;
  }

  private void refuseLocked(AuthenticationFlowContext context, UserModel user, boolean clearUser) {
    context.getEvent().user(user).detail(GfmisEvents.STEP, GfmisEvents.Step.PASSWORD);
    context.getEvent().error(Errors.USER_TEMPORARILY_DISABLED);
    context.forceChallenge(
        challenge(
            context,
            disabledByBruteForceError(Errors.USER_TEMPORARILY_DISABLED),
            disabledByBruteForceFieldError()));
    if (clearUser) {
      context.clearUser();
    }
  }

  static AddressLockout lockout(AuthenticationFlowContext context) {
    return new AddressLockout(
        context.getSession().singleUseObjects(),
        context.getRealm(),
        LOCKOUT_KIND,
        SingleUseStores.PASSWORD_FAILURES);
  }
}
