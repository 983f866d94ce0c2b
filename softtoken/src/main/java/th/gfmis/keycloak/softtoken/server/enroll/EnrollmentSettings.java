package th.gfmis.keycloak.softtoken.server.enroll;

import java.time.Duration;
import java.util.List;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import th.gfmis.keycloak.core.ConfigValues;
import th.gfmis.keycloak.core.SettingRules;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;

/**
 * Operator settings of "Get Certificate" (required action configuration).
 *
 * @param activationCodeTtl lifetime of the QR code's activation code (default 10 minutes)
 * @param certificateLifetime validity of issued device certificates (default 730 days)
 * @param renewalWindow how long before expiry a device may renew its certificate itself (default 30
 *     days; {@code POST device/renew})
 * @param allowFirstEnrollmentWithPassword whether a user who was never issued a certificate may
 *     enroll after the password alone (default true, until registration with identity proofing
 *     exists and switches it off)
 * @param grantValidity how long an enrollment grant holds, an administrator's or a registration
 *     approval's (default 7 days)
 */
public record EnrollmentSettings(
    Duration activationCodeTtl,
    Duration certificateLifetime,
    Duration renewalWindow,
    boolean allowFirstEnrollmentWithPassword,
    Duration grantValidity) {

  static final String ACTIVATION_CODE_TTL_MINUTES = "activationCodeTtlMinutes";
  static final String CERTIFICATE_LIFETIME_DAYS = "certificateLifetimeDays";
  static final String RENEWAL_WINDOW_DAYS = "renewalWindowDays";
  static final String ALLOW_FIRST_ENROLLMENT_WITH_PASSWORD = "allowFirstEnrollmentWithPassword";
  static final String GRANT_VALIDITY_DAYS = "enrollmentGrantDays";
  static final long DEFAULT_GRANT_VALIDITY_DAYS = 7;

  /** The values each setting accepts (checked when an administrator saves them). */
  static final SettingRules RULES =
      SettingRules.of(
          SettingRules.range(ACTIVATION_CODE_TTL_MINUTES, 1, 1440),
          SettingRules.range(CERTIFICATE_LIFETIME_DAYS, 1, 3650),
          SettingRules.range(RENEWAL_WINDOW_DAYS, 1, 3650),
          SettingRules.flag(ALLOW_FIRST_ENROLLMENT_WITH_PASSWORD),
          SettingRules.range(GRANT_VALIDITY_DAYS, 1, 365));

  /** The realm's settings of "Get Certificate" (defaults where the operator set nothing). */
  public static EnrollmentSettings of(RealmModel realm) {
    RequiredActionConfigModel config =
        realm.getRequiredActionConfigByAlias(EnrollSoftTokenActionFactory.PROVIDER_ID);
    return new EnrollmentSettings(
        Duration.ofMinutes(
            number(
                config,
                ACTIVATION_CODE_TTL_MINUTES,
                SoftTokenProtocol.DEFAULT_ACTIVATION_CODE_TTL.toMinutes())),
        Duration.ofDays(
            number(
                config,
                CERTIFICATE_LIFETIME_DAYS,
                SoftTokenProtocol.DEFAULT_DEVICE_CERTIFICATE_LIFETIME.toDays())),
        Duration.ofDays(
            number(config, RENEWAL_WINDOW_DAYS, SoftTokenProtocol.DEFAULT_RENEWAL_WINDOW.toDays())),
        !"false".equalsIgnoreCase(value(config, ALLOW_FIRST_ENROLLMENT_WITH_PASSWORD)),
        Duration.ofDays(number(config, GRANT_VALIDITY_DAYS, DEFAULT_GRANT_VALIDITY_DAYS)));
  }

  private static String value(RequiredActionConfigModel config, String key) {
    String value = config == null ? null : config.getConfigValue(key);
    return value == null ? null : value.strip();
  }

  private static long number(RequiredActionConfigModel config, String key, long defaultValue) {
    return ConfigValues.number(config == null ? null : config.getConfigValue(key), defaultValue, 1);
  }

  static List<ProviderConfigProperty> properties() {
    return ProviderConfigurationBuilder.create()
        .property(
            ACTIVATION_CODE_TTL_MINUTES,
            "Activation code lifetime (minutes)",
            "How long the QR code of \"Get Certificate\" can be used.",
            ProviderConfigProperty.INTEGER_TYPE,
            String.valueOf(SoftTokenProtocol.DEFAULT_ACTIVATION_CODE_TTL.toMinutes()),
            null)
        .property(
            CERTIFICATE_LIFETIME_DAYS,
            "Device certificate lifetime (days)",
            "Validity of the certificates issued to Soft Token devices.",
            ProviderConfigProperty.INTEGER_TYPE,
            String.valueOf(SoftTokenProtocol.DEFAULT_DEVICE_CERTIFICATE_LIFETIME.toDays()),
            null)
        .property(
            RENEWAL_WINDOW_DAYS,
            "Renewal window (days)",
            "How many days before its certificate expires a Soft Token may renew it from the phone"
                + " (a new key and certificate, same device). A window as long as the lifetime"
                + " allows renewal at any time.",
            ProviderConfigProperty.INTEGER_TYPE,
            String.valueOf(SoftTokenProtocol.DEFAULT_RENEWAL_WINDOW.toDays()),
            null)
        .property(
            ALLOW_FIRST_ENROLLMENT_WITH_PASSWORD,
            "First device after the password alone",
            "Whether a user who was never issued a certificate may get one after the password alone."
                + " Switch off once registration with identity proofing grants enrollments.",
            ProviderConfigProperty.BOOLEAN_TYPE,
            "true",
            null)
        .property(
            GRANT_VALIDITY_DAYS,
            "Enrollment grant lifetime (days)",
            "How long a grant to enroll a new device without the current phone holds: an"
                + " administrator's, or the one an approved registration gives. It is used up by"
                + " that enrollment.",
            ProviderConfigProperty.INTEGER_TYPE,
            String.valueOf(DEFAULT_GRANT_VALIDITY_DAYS),
            null)
        .build();
  }
}
