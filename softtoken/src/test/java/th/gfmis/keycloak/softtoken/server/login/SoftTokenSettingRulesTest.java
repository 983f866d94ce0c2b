package th.gfmis.keycloak.softtoken.server.login;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.util.JsonSerialization;
import th.gfmis.keycloak.core.InvalidSettingsException;
import th.gfmis.keycloak.softtoken.protocol.NumberMatching;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollSoftTokenActionFactory;

/** The Soft Token step's and "Get Certificate"'s settings accept only values they can work with. */
class SoftTokenSettingRulesTest {

  private final SoftTokenAuthenticatorFactory step = new SoftTokenAuthenticatorFactory();
  private final EnrollSoftTokenActionFactory enrollment = new EnrollSoftTokenActionFactory();

  @Test
  void everyNumberOrYesNoSettingHasARuleAndShowsItsRange() {
    for (ProviderConfigProperty property : step.getConfigProperties()) {
      if (numberOrFlag(property)) {
        assertTrue(step.settingRules().names().contains(property.getName()), property.getName());
        assertTrue(property.getHelpText().contains("Whole number from"), property.getHelpText());
      }
    }
    for (ProviderConfigProperty property : enrollment.getConfigMetadata()) {
      if (numberOrFlag(property)) {
        assertTrue(
            property.getHelpText().contains("Whole number from")
                || property.getHelpText().endsWith("true or false."),
            property.getHelpText());
        RequiredActionConfigModel bad = new RequiredActionConfigModel();
        bad.setConfig(Map.of(property.getName(), "0"));
        assertThrows(
            ValidationException.class,
            () -> enrollment.validateConfig(null, null, bad),
            property.getName());
      }
    }
  }

  @Test
  void theStepRefusesZeroAndOutOfRangeValuesAtSignIn() {
    for (Map<String, String> bad :
        List.of(
            Map.of("challengeTtlSeconds", "0"),
            Map.of("challengeTtlSeconds", "601"),
            Map.of("maxFailures", "0"),
            Map.of("failureWindowMinutes", "-3"),
            Map.of("maxChallenges", "x"),
            Map.of("challengeWindowMinutes", "0"),
            Map.of("numberMatching", "guess"))) {
      assertThrows(InvalidSettingsException.class, () -> LoginSettings.of(config(bad)));
    }
    LoginSettings settings = LoginSettings.of(config(Map.of("challengeTtlSeconds", "4")));
    assertEquals(Duration.ofSeconds(4), settings.challengeTtl());
    assertEquals(NumberMatching.Mode.PICK, settings.numberMatching());
    assertEquals(
        NumberMatching.Mode.TYPE,
        LoginSettings.of(config(Map.of("numberMatching", "type"))).numberMatching());
  }

  @Test
  void enrollmentSettingsAreCheckedWhenSaved() {
    RequiredActionConfigModel model = new RequiredActionConfigModel();
    model.setConfig(Map.of("activationCodeTtlMinutes", "1", "certificateLifetimeDays", "3650"));
    assertDoesNotThrow(() -> enrollment.validateConfig(null, null, model));
    model.setConfig(Map.of("certificateLifetimeDays", "3651"));
    ValidationException refused =
        assertThrows(ValidationException.class, () -> enrollment.validateConfig(null, null, model));
    assertEquals("certificateLifetimeDays", refused.getErrors().get(0).getAttribute());
  }

  @Test
  void theRealmExportsSettingsAreValid() throws Exception {
    RealmRepresentation realm;
    try (InputStream in = Files.newInputStream(Path.of("../realm-export/gfmis-realm.json"))) {
      realm = JsonSerialization.readValue(in, RealmRepresentation.class);
    }
    for (AuthenticatorConfigRepresentation config : realm.getAuthenticatorConfig()) {
      if (config.getAlias().equals("gfmis softtoken")) {
        assertEquals(List.of(), LoginSettings.RULES.problems(config.getConfig()));
      }
    }
    for (RequiredActionProviderRepresentation action : realm.getRequiredActions()) {
      if (action.getProviderId().equals(EnrollSoftTokenActionFactory.PROVIDER_ID)) {
        RequiredActionConfigModel model = new RequiredActionConfigModel();
        model.setConfig(action.getConfig());
        assertDoesNotThrow(() -> enrollment.validateConfig(null, null, model));
      }
    }
  }

  private static boolean numberOrFlag(ProviderConfigProperty property) {
    return ProviderConfigProperty.INTEGER_TYPE.equals(property.getType())
        || ProviderConfigProperty.BOOLEAN_TYPE.equals(property.getType());
  }

  private static AuthenticatorConfigModel config(Map<String, String> values) {
    AuthenticatorConfigModel model = new AuthenticatorConfigModel();
    model.setAlias("gfmis softtoken test");
    model.setConfig(values);
    return model;
  }
}
