package th.gfmis.keycloak.authenticators.reset;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import th.gfmis.keycloak.core.ConfigValues;
import th.gfmis.keycloak.core.SettingRules;
import th.gfmis.keycloak.core.throttle.UserLocks;
import th.gfmis.keycloak.domain.OtpPolicy;

/**
 * Operator settings of the forgotten-password flow, read from an authenticator's configuration in
 * the admin console, with the defaults of the requirements (R-Q2: 60 minutes between two reset OTP
 * e-mails to one user).
 */
record ResetSettings(
    OtpPolicy otpPolicy,
    int maxMissesPerUser,
    int maxMissesPerAddress,
    Duration missWindow,
    int maxOtpMailsPerUser,
    Duration otpMailWindow) {

  static final String OTP_LENGTH = "otpLength";
  static final String OTP_LIFETIME_MINUTES = "otpLifetimeMinutes";
  static final String OTP_MAX_WRONG = "otpMaxWrongGuesses";
  static final String RESEND_COOLDOWN_MINUTES = "resendCooldownMinutes";
  static final String MAX_MISSES_PER_USER = "maxMissesPerUser";
  static final String MAX_MISSES_PER_ADDRESS = "maxMissesPerAddress";
  static final String MISS_WINDOW_MINUTES = "missWindowMinutes";
  static final String MAX_OTP_MAILS_PER_USER = "maxOtpMailsPerUser";
  static final String OTP_MAIL_WINDOW_MINUTES = "otpMailWindowMinutes";

  static final int DEFAULT_OTP_LENGTH = 6;
  static final int DEFAULT_OTP_LIFETIME_MINUTES = 10;
  static final int DEFAULT_OTP_MAX_WRONG = 3;
  static final int DEFAULT_RESEND_COOLDOWN_MINUTES = 60;
  static final int DEFAULT_MAX_MISSES_PER_USER = 5;
  static final int DEFAULT_MAX_MISSES_PER_ADDRESS = 20;
  static final int DEFAULT_MISS_WINDOW_MINUTES = 15;
  static final int DEFAULT_MAX_OTP_MAILS_PER_USER = 3;
  static final int DEFAULT_OTP_MAIL_WINDOW_MINUTES = 10;
  static final int MAX_WINDOW_MINUTES = (int) UserLocks.MAX_WINDOW.toMinutes();
  static final int REFERENCE_LENGTH = 6;

  /** The values each setting accepts (checked when a reset step reads its settings). */
  static final SettingRules RULES =
      SettingRules.of(
          SettingRules.range(OTP_LENGTH, 6, 10),
          SettingRules.range(OTP_LIFETIME_MINUTES, 1, 60),
          SettingRules.range(OTP_MAX_WRONG, 1, 10),
          SettingRules.range(RESEND_COOLDOWN_MINUTES, 0, 1440),
          SettingRules.range(MAX_MISSES_PER_USER, 1, 100),
          SettingRules.range(MAX_MISSES_PER_ADDRESS, 1, 10_000),
          SettingRules.range(MISS_WINDOW_MINUTES, 1, MAX_WINDOW_MINUTES),
          SettingRules.range(MAX_OTP_MAILS_PER_USER, 1, 100),
          SettingRules.range(OTP_MAIL_WINDOW_MINUTES, 1, MAX_WINDOW_MINUTES));

  static ResetSettings of(AuthenticatorConfigModel model) {
    Map<String, String> config = model == null ? Map.of() : model.getConfig();
    RULES.requireValidAtSignIn(model == null ? null : model.getAlias(), config);
    OtpPolicy otp =
        new OtpPolicy(
            number(config, OTP_LENGTH, DEFAULT_OTP_LENGTH),
            REFERENCE_LENGTH,
            Duration.ofMinutes(number(config, OTP_LIFETIME_MINUTES, DEFAULT_OTP_LIFETIME_MINUTES)),
            number(config, OTP_MAX_WRONG, DEFAULT_OTP_MAX_WRONG),
            Duration.ofMinutes(
                minutes(config, RESEND_COOLDOWN_MINUTES, DEFAULT_RESEND_COOLDOWN_MINUTES)));
    return new ResetSettings(
        otp,
        ConfigValues.number(config.get(MAX_MISSES_PER_USER), DEFAULT_MAX_MISSES_PER_USER, 1),
        ConfigValues.number(config.get(MAX_MISSES_PER_ADDRESS), DEFAULT_MAX_MISSES_PER_ADDRESS, 1),
        Duration.ofMinutes(
            Math.max(1, minutes(config, MISS_WINDOW_MINUTES, DEFAULT_MISS_WINDOW_MINUTES))),
        ConfigValues.number(config.get(MAX_OTP_MAILS_PER_USER), DEFAULT_MAX_OTP_MAILS_PER_USER, 1),
        Duration.ofMinutes(
            Math.max(
                1, minutes(config, OTP_MAIL_WINDOW_MINUTES, DEFAULT_OTP_MAIL_WINDOW_MINUTES))));
  }

  /** A window in minutes, at most a day (the lifetime of a user's lock epoch bounds it). */
  private static int minutes(Map<String, String> config, String key, int defaultValue) {
    return Math.min(MAX_WINDOW_MINUTES, number(config, key, defaultValue));
  }

  private static int number(Map<String, String> config, String key, int defaultValue) {
    return ConfigValues.number(config.get(key), defaultValue, 0);
  }

  static List<ProviderConfigProperty> otpProperties() {
    return ProviderConfigurationBuilder.create()
        .property(
            OTP_LENGTH,
            "OTP length",
            "Digits in the e-mailed code.",
            ProviderConfigProperty.INTEGER_TYPE,
            DEFAULT_OTP_LENGTH,
            null)
        .property(
            OTP_LIFETIME_MINUTES,
            "OTP lifetime (minutes)",
            "How long an e-mailed code stays valid.",
            ProviderConfigProperty.INTEGER_TYPE,
            DEFAULT_OTP_LIFETIME_MINUTES,
            null)
        .property(
            OTP_MAX_WRONG,
            "Wrong codes allowed",
            "Wrong guesses after which the code stops working and a new one must be requested.",
            ProviderConfigProperty.INTEGER_TYPE,
            DEFAULT_OTP_MAX_WRONG,
            null)
        .property(
            RESEND_COOLDOWN_MINUTES,
            "Resend interval (minutes)",
            "Minimum time between two reset OTP e-mails to one user asked for from one client"
                + " address (CGD default: 60; at most 1440).",
            ProviderConfigProperty.INTEGER_TYPE,
            DEFAULT_RESEND_COOLDOWN_MINUTES,
            null)
        .property(
            MAX_OTP_MAILS_PER_USER,
            "OTP e-mails per user (all addresses)",
            "OTP e-mails one user may receive within the mail window, whichever addresses ask."
                + " Caps the mail load; someone who knows the user's data can fill it only for"
                + " the window.",
            ProviderConfigProperty.INTEGER_TYPE,
            DEFAULT_MAX_OTP_MAILS_PER_USER,
            null)
        .property(
            OTP_MAIL_WINDOW_MINUTES,
            "OTP mail window (minutes)",
            "Window of the per-user OTP e-mail cap (keep it short: it is how long the cap can"
                + " hold the holder back).",
            ProviderConfigProperty.INTEGER_TYPE,
            DEFAULT_OTP_MAIL_WINDOW_MINUTES,
            null)
        .build();
  }

  static List<ProviderConfigProperty> throttleProperties() {
    return ProviderConfigurationBuilder.create()
        .property(
            MAX_MISSES_PER_USER,
            "Misses allowed per user ID and client address",
            "Non-matching submissions allowed for one user ID from one client address within the"
                + " window (misses from other addresses never block the holder).",
            ProviderConfigProperty.INTEGER_TYPE,
            DEFAULT_MAX_MISSES_PER_USER,
            null)
        .property(
            MAX_MISSES_PER_ADDRESS,
            "Misses allowed per client address",
            "Non-matching submissions allowed from one client address within the window.",
            ProviderConfigProperty.INTEGER_TYPE,
            DEFAULT_MAX_MISSES_PER_ADDRESS,
            null)
        .property(
            MISS_WINDOW_MINUTES,
            "Miss window (minutes)",
            "Length of the window in which misses are counted (at most 1440).",
            ProviderConfigProperty.INTEGER_TYPE,
            DEFAULT_MISS_WINDOW_MINUTES,
            null)
        .build();
  }
}
