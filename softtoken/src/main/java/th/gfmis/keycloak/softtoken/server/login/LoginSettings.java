package th.gfmis.keycloak.softtoken.server.login;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import th.gfmis.keycloak.core.ConfigValues;
import th.gfmis.keycloak.core.SettingRules;
import th.gfmis.keycloak.core.throttle.UserLocks;
import th.gfmis.keycloak.softtoken.protocol.NumberMatching;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;

/**
 * Operator settings of the Soft Token sign-in step (authenticator configuration).
 *
 * @param challengeTtl how long the holder has to answer (default 2 minutes)
 * @param maxFailures denials and wrong numbers allowed per user and client address (of the denied
 *     sign-ins) in {@code failureWindow}
 * @param failureWindow lockout window; the step stays blocked until it ends
 * @param maxChallenges challenges a user may start from one client address in {@code
 *     challengeWindow}
 * @param challengeWindow the throttle window of new challenges
 * @param numberMatching how the holder matches the number: pick one of three (default) or type it
 */
public record LoginSettings(
    Duration challengeTtl,
    int maxFailures,
    Duration failureWindow,
    int maxChallenges,
    Duration challengeWindow,
    NumberMatching.Mode numberMatching) {

  static final String CHALLENGE_TTL_SECONDS = "challengeTtlSeconds";
  static final String MAX_FAILURES = "maxFailures";
  static final String FAILURE_WINDOW_MINUTES = "failureWindowMinutes";
  static final String MAX_CHALLENGES = "maxChallenges";
  static final String CHALLENGE_WINDOW_MINUTES = "challengeWindowMinutes";
  static final String NUMBER_MATCHING = "numberMatching";

  static final int DEFAULT_MAX_FAILURES = 5;
  static final int DEFAULT_FAILURE_WINDOW_MINUTES = 15;
  static final int DEFAULT_MAX_CHALLENGES = 10;
  static final int DEFAULT_CHALLENGE_WINDOW_MINUTES = 10;

  /** The values each setting accepts (checked when the step reads its settings). */
  static final SettingRules RULES =
      SettingRules.of(
          SettingRules.range(CHALLENGE_TTL_SECONDS, 1, 600),
          SettingRules.range(MAX_FAILURES, 1, 100),
          SettingRules.range(FAILURE_WINDOW_MINUTES, 1, 1440),
          SettingRules.range(MAX_CHALLENGES, 1, 1_000_000),
          SettingRules.range(CHALLENGE_WINDOW_MINUTES, 1, 1440),
          SettingRules.oneOf(
              NUMBER_MATCHING, NumberMatching.Mode.PICK.wire(), NumberMatching.Mode.TYPE.wire()));

  static LoginSettings of(AuthenticatorConfigModel model) {
    Map<String, String> config = model == null ? Map.of() : model.getConfig();
    RULES.requireValidAtSignIn(model == null ? null : model.getAlias(), config);
    return new LoginSettings(
        Duration.ofSeconds(
            number(
                config,
                CHALLENGE_TTL_SECONDS,
                (int) SoftTokenProtocol.DEFAULT_CHALLENGE_TTL.toSeconds())),
        number(config, MAX_FAILURES, DEFAULT_MAX_FAILURES),
        window(config, FAILURE_WINDOW_MINUTES, DEFAULT_FAILURE_WINDOW_MINUTES),
        number(config, MAX_CHALLENGES, DEFAULT_MAX_CHALLENGES),
        window(config, CHALLENGE_WINDOW_MINUTES, DEFAULT_CHALLENGE_WINDOW_MINUTES),
        NumberMatching.Mode.fromWire(config.getOrDefault(NUMBER_MATCHING, "").strip())
            .orElse(NumberMatching.Mode.PICK));
  }

  /** A throttle window, at most a day (a user's lock epoch must outlive it). */
  private static Duration window(Map<String, String> config, String key, int defaultMinutes) {
    return Duration.ofMinutes(
        Math.min(UserLocks.MAX_WINDOW.toMinutes(), number(config, key, defaultMinutes)));
  }

  private static int number(Map<String, String> config, String key, int defaultValue) {
    return ConfigValues.number(config.get(key), defaultValue, 1);
  }

  static List<ProviderConfigProperty> properties() {
    return ProviderConfigurationBuilder.create()
        .property(
            CHALLENGE_TTL_SECONDS,
            "Challenge lifetime (seconds)",
            "How long the holder has to approve the sign-in on the phone.",
            ProviderConfigProperty.INTEGER_TYPE,
            SoftTokenProtocol.DEFAULT_CHALLENGE_TTL.toSeconds(),
            null)
        .property(
            MAX_FAILURES,
            "Denials and wrong numbers allowed",
            "After this many denials or wrong numbers of sign-ins from one client address in the"
                + " window, the Soft Token step is blocked for the user from that address until"
                + " the window ends (other addresses are not affected; each denial also e-mails"
                + " the holder a warning).",
            ProviderConfigProperty.INTEGER_TYPE,
            DEFAULT_MAX_FAILURES,
            null)
        .property(
            FAILURE_WINDOW_MINUTES,
            "Lockout window (minutes)",
            "Window in which denials and wrong numbers are counted (at most 1440).",
            ProviderConfigProperty.INTEGER_TYPE,
            DEFAULT_FAILURE_WINDOW_MINUTES,
            null)
        .property(
            MAX_CHALLENGES,
            "Sign-in requests allowed",
            "Soft Token requests a user may start from one client address in the throttle window"
                + " (against flooding the holder's phone with a stolen password).",
            ProviderConfigProperty.INTEGER_TYPE,
            DEFAULT_MAX_CHALLENGES,
            null)
        .property(
            CHALLENGE_WINDOW_MINUTES,
            "Throttle window (minutes)",
            "Window in which new sign-in requests are counted (at most 1440).",
            ProviderConfigProperty.INTEGER_TYPE,
            DEFAULT_CHALLENGE_WINDOW_MINUTES,
            null)
        .property(
            NUMBER_MATCHING,
            "Number matching",
            "How the holder matches the number the computer shows: 'pick' it among three numbers"
                + " on the phone, or 'type' it on the phone (a blind tap then never approves).",
            ProviderConfigProperty.LIST_TYPE,
            NumberMatching.Mode.PICK.wire(),
            List.of(NumberMatching.Mode.PICK.wire(), NumberMatching.Mode.TYPE.wire()))
        .build();
  }
}
