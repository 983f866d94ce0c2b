package th.gfmis.keycloak.authenticators.reset;

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
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.util.JsonSerialization;
import th.gfmis.keycloak.core.GfmisAuthenticatorFactory;
import th.gfmis.keycloak.core.InvalidSettingsException;

class ResetSettingsTest {

  private static final List<GfmisAuthenticatorFactory> FACTORIES =
      List.of(
          new ResetIdentifyAuthenticatorFactory(),
          new ResetEmailOtpAuthenticatorFactory(),
          new ResetTemporaryPasswordAuthenticatorFactory());

  @Test
  void everyNumberOrYesNoSettingHasARuleAndShowsItsRange() {
    for (GfmisAuthenticatorFactory factory : FACTORIES) {
      for (ProviderConfigProperty property : factory.getConfigProperties()) {
        if (ProviderConfigProperty.INTEGER_TYPE.equals(property.getType())
            || ProviderConfigProperty.BOOLEAN_TYPE.equals(property.getType())) {
          assertTrue(
              factory.settingRules().names().contains(property.getName()),
              factory.getId() + " has no rule for " + property.getName());
          assertTrue(
              property
                  .getHelpText()
                  .matches(".*(Whole number from -?\\d+ to \\d+|true or false)\\.$"),
              property.getHelpText());
        }
      }
    }
  }

  @Test
  void readsValuesInRange() {
    ResetSettings settings =
        ResetSettings.of(
            config(
                Map.of(
                    "otpLength", "10",
                    "otpLifetimeMinutes", "60",
                    "resendCooldownMinutes", "0",
                    "maxMissesPerUser", "1")));
    assertEquals(10, settings.otpPolicy().length());
    assertEquals(Duration.ofMinutes(60), settings.otpPolicy().lifetime());
    assertEquals(Duration.ZERO, settings.otpPolicy().resendCooldown());
    assertEquals(1, settings.maxMissesPerUser());
    assertEquals(20, settings.maxMissesPerAddress(), "absent: the default");
  }

  @Test
  void aValueOutOfRangeStopsTheStepNamingTheSetting() {
    for (Map<String, String> bad :
        List.of(
            Map.of("otpLifetimeMinutes", "0"),
            Map.of("otpLength", "5"),
            Map.of("otpMaxWrongGuesses", "0"),
            Map.of("resendCooldownMinutes", "-1"),
            Map.of("maxMissesPerUser", "0"),
            Map.of("maxMissesPerAddress", "many"),
            Map.of("missWindowMinutes", "1441"))) {
      InvalidSettingsException refused =
          assertThrows(InvalidSettingsException.class, () -> ResetSettings.of(config(bad)));
      String setting = bad.keySet().iterator().next();
      assertTrue(refused.getEventDetails().contains(setting), refused.getEventDetails());
    }
  }

  @Test
  void theRealmExportsSettingsAreValid() throws Exception {
    RealmRepresentation realm;
    try (InputStream in = Files.newInputStream(Path.of("../realm-export/gfmis-realm.json"))) {
      realm = JsonSerialization.readValue(in, RealmRepresentation.class);
    }
    for (AuthenticatorConfigRepresentation config : realm.getAuthenticatorConfig()) {
      if (config.getAlias().startsWith("gfmis reset")) {
        assertEquals(
            List.of(), ResetSettings.RULES.problems(config.getConfig()), config.getAlias());
      }
    }
  }

  private static AuthenticatorConfigModel config(Map<String, String> values) {
    AuthenticatorConfigModel model = new AuthenticatorConfigModel();
    model.setAlias("gfmis reset test");
    model.setConfig(values);
    return model;
  }
}
