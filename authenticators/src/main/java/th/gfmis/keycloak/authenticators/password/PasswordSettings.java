package th.gfmis.keycloak.authenticators.password;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import th.gfmis.keycloak.core.ConfigValues;
import th.gfmis.keycloak.core.SettingRules;
import th.gfmis.keycloak.core.throttle.UserLocks;

/**
 * Operator settings of the password step (authenticator configuration).
 *
 * @param maxFailures wrong passwords allowed per user and client address in {@code failureWindow}
 * @param failureWindow the lockout window; the step stays blocked for that address until it ends
 */
public record PasswordSettings(int maxFailures, Duration failureWindow) {

  static final String MAX_FAILURES = "maxFailures";
  static final String FAILURE_WINDOW_MINUTES = "failureWindowMinutes";

  static final int DEFAULT_MAX_FAILURES = 5;
  static final int DEFAULT_FAILURE_WINDOW_MINUTES = 15;

  static final SettingRules RULES =
      SettingRules.of(
          SettingRules.range(MAX_FAILURES, 1, 100),
          SettingRules.range(FAILURE_WINDOW_MINUTES, 1, (int) UserLocks.MAX_WINDOW.toMinutes()));

  static PasswordSettings of(AuthenticatorConfigModel model) {
    Map<String, String> config = model == null ? Map.of() : model.getConfig();
    RULES.requireValidAtSignIn(model == null ? null : model.getAlias(), config);
    return new PasswordSettings(
        ConfigValues.number(config.get(MAX_FAILURES), DEFAULT_MAX_FAILURES, 1),
        Duration.ofMinutes(
            Math.min(
                UserLocks.MAX_WINDOW.toMinutes(),
                ConfigValues.number(
                    config.get(FAILURE_WINDOW_MINUTES), DEFAULT_FAILURE_WINDOW_MINUTES, 1))));
  }

  static List<ProviderConfigProperty> properties() {
    return ProviderConfigurationBuilder.create()
        .property(
            MAX_FAILURES,
            "Wrong passwords allowed",
            "After this many wrong passwords for a user from one client address in the window, the"
                + " password step refuses that user from that address until the window ends. Other"
                + " addresses, the holder's among them, are not affected.",
            ProviderConfigProperty.INTEGER_TYPE,
            DEFAULT_MAX_FAILURES,
            null)
        .property(
            FAILURE_WINDOW_MINUTES,
            "Lockout window (minutes)",
            "Window in which wrong passwords are counted (at most 1440).",
            ProviderConfigProperty.INTEGER_TYPE,
            DEFAULT_FAILURE_WINDOW_MINUTES,
            null)
        .build();
  }
}
