package th.gfmis.keycloak.core;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.userprofile.ValidationException;
import th.gfmis.keycloak.core.SettingRules.Problem;

class SettingRulesTest {

  private static final SettingRules RULES =
      SettingRules.of(
          SettingRules.range("lifetimeMinutes", 1, 60),
          SettingRules.range("cooldownMinutes", 0, 1440),
          SettingRules.flag("notify"));

  @Test
  void acceptsValuesInRangeAndBlanksForTheDefault() {
    Map<String, String> config = new HashMap<>();
    config.put("lifetimeMinutes", " 60 ");
    config.put("cooldownMinutes", "0");
    config.put("notify", "false");
    config.put("unrelated", "anything");
    assertEquals(List.of(), RULES.problems(config));
    assertEquals(List.of(), RULES.problems(Map.of("lifetimeMinutes", "", "notify", " ")));
    assertEquals(List.of(), RULES.problems(null));
  }

  @Test
  void rejectsZeroNegativeTooLargeNonNumericAndOverflowingValues() {
    for (String bad : List.of("0", "-5", "61", "ten", "1.5", "99999999999999999999", "0x10")) {
      List<Problem> problems = RULES.problems(Map.of("lifetimeMinutes", bad));
      assertEquals(1, problems.size(), bad);
      assertEquals("lifetimeMinutes", problems.get(0).setting());
      assertTrue(
          problems
              .get(0)
              .message()
              .startsWith("lifetimeMinutes must be a whole number from 1 to 60"),
          problems.get(0).message());
    }
    assertEquals(
        "notify must be true or false (got 'yes')",
        RULES.problems(Map.of("notify", "yes")).get(0).message());
    String longValue = "9".repeat(500);
    assertTrue(
        RULES.problems(Map.of("cooldownMinutes", longValue)).get(0).message().length() < 120);
  }

  @Test
  void reportsEveryBadSettingInNameOrder() {
    List<Problem> problems =
        RULES.problems(Map.of("notify", "1", "lifetimeMinutes", "0", "cooldownMinutes", "-1"));
    assertEquals(
        List.of("cooldownMinutes", "lifetimeMinutes", "notify"),
        problems.stream().map(Problem::setting).toList());
  }

  @Test
  void aWordSettingAcceptsOnlyItsWordsExactly() {
    SettingRules rules = SettingRules.of(SettingRules.oneOf("mode", "pick", "type"));
    assertEquals(List.of(), rules.problems(Map.of("mode", "type")));
    assertEquals(List.of(), rules.problems(Map.of("mode", " pick ")));
    for (String bad : List.of("Type", "both", "3")) {
      List<Problem> problems = rules.problems(Map.of("mode", bad));
      assertEquals(1, problems.size(), bad);
      assertEquals("mode must be one of pick, type (got '" + bad + "')", problems.get(0).message());
    }
    assertEquals(List.of(), rules.problems(Map.of()));
    assertEquals("One of: pick, type.", SettingRules.oneOf("mode", "pick", "type").accepted());
  }

  @Test
  void documentsTheAcceptedValuesInTheHelpText() {
    List<ProviderConfigProperty> properties =
        RULES.document(
            ProviderConfigurationBuilder.create()
                .property("lifetimeMinutes", "Lifetime", "How long.", "Integer", 10, null)
                .property("other", "Other", "Free text.", "String", "", null)
                .build());
    assertEquals("How long. Whole number from 1 to 60.", properties.get(0).getHelpText());
    assertEquals("Free text.", properties.get(1).getHelpText());
  }

  @Test
  void aBadSaveIsAValidationErrorNamingTheSetting() {
    ValidationException refused =
        assertThrows(
            ValidationException.class,
            () -> RULES.requireValidOnSave("some-action", Map.of("lifetimeMinutes", "0")));
    assertEquals(1, refused.getErrors().size());
    assertEquals("lifetimeMinutes", refused.getErrors().get(0).getAttribute());
    assertTrue(refused.getErrors().get(0).getMessage().contains("from 1 to 60"));
    assertDoesNotThrow(() -> RULES.requireValidOnSave("some-action", Map.of("notify", "true")));
  }

  @Test
  void aBadValueAtSignInStopsTheStepWithAClearMessage() {
    InvalidSettingsException refused =
        assertThrows(
            InvalidSettingsException.class,
            () -> RULES.requireValidAtSignIn("my config", Map.of("lifetimeMinutes", "0")));
    assertEquals(AuthenticationFlowError.GENERIC_AUTHENTICATION_ERROR, refused.getError());
    assertEquals(InvalidSettingsException.MESSAGE, refused.getUserErrorMessage());
    assertTrue(refused.getEventDetails().contains("my config"), refused.getEventDetails());
    assertTrue(refused.getEventDetails().contains("lifetimeMinutes"), refused.getEventDetails());
    assertDoesNotThrow(() -> RULES.requireValidAtSignIn(null, Map.of()));
  }

  @Test
  void aSettingHasOneRule() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SettingRules.of(SettingRules.range("a", 1, 2), SettingRules.flag("a")));
  }
}
