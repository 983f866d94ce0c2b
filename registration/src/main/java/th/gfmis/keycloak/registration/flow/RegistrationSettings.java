package th.gfmis.keycloak.registration.flow;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import th.gfmis.keycloak.core.ConfigValues;
import th.gfmis.keycloak.domain.OtpPolicy;

/** The operator's settings of the confirm step (execution config "gfmis registration confirm"). */
record RegistrationSettings(OtpPolicy otpPolicy) {

  static final String OTP_LIFETIME_MINUTES = "otpLifetimeMinutes";
  static final String OTP_MAX_WRONG = "otpMaxWrongGuesses";
  static final String RESEND_INTERVAL_MINUTES = "resendIntervalMinutes";
  static final int DEFAULT_OTP_LIFETIME_MINUTES = 10;
  static final int DEFAULT_OTP_MAX_WRONG = 3;
  static final int DEFAULT_RESEND_INTERVAL_MINUTES = 5;

  static RegistrationSettings of(AuthenticatorConfigModel model) {
    Map<String, String> config =
        model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    return new RegistrationSettings(
        new OtpPolicy(
            6,
            6,
            Duration.ofMinutes(
                ConfigValues.number(
                    config.get(OTP_LIFETIME_MINUTES), DEFAULT_OTP_LIFETIME_MINUTES, 1)),
            ConfigValues.number(config.get(OTP_MAX_WRONG), DEFAULT_OTP_MAX_WRONG, 1),
            Duration.ofMinutes(
                ConfigValues.number(
                    config.get(RESEND_INTERVAL_MINUTES), DEFAULT_RESEND_INTERVAL_MINUTES, 0))));
  }

  static List<ProviderConfigProperty> properties() {
    return ProviderConfigurationBuilder.create()
        .property()
        .name(RESEND_INTERVAL_MINUTES)
        .label("OTP resend interval (minutes)")
        .helpText("How long after an OTP e-mail the holder may ask for a new one (R-Q2).")
        .type(ProviderConfigProperty.STRING_TYPE)
        .defaultValue(Integer.toString(DEFAULT_RESEND_INTERVAL_MINUTES))
        .add()
        .property()
        .name(OTP_LIFETIME_MINUTES)
        .label("OTP lifetime (minutes)")
        .helpText("How long an e-mailed OTP stays valid.")
        .type(ProviderConfigProperty.STRING_TYPE)
        .defaultValue(Integer.toString(DEFAULT_OTP_LIFETIME_MINUTES))
        .add()
        .property()
        .name(OTP_MAX_WRONG)
        .label("Wrong OTP guesses")
        .helpText("Wrong guesses after which an OTP no longer works.")
        .type(ProviderConfigProperty.STRING_TYPE)
        .defaultValue(Integer.toString(DEFAULT_OTP_MAX_WRONG))
        .add()
        .build();
  }
}
