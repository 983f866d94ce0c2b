package th.gfmis.keycloak.requiredactions.password;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.userprofile.ValidationException;

class ChangeTemporaryPasswordActionFactoryTest {

  private final ChangeTemporaryPasswordActionFactory factory =
      new ChangeTemporaryPasswordActionFactory();

  @Test
  void theLifetimeMustBeOneMinuteToOneWeek() {
    for (String bad : new String[] {"0", "-1", "10081", "a day"}) {
      ValidationException refused =
          assertThrows(
              ValidationException.class, () -> factory.validateConfig(null, null, config(bad)));
      assertEquals("lifetimeMinutes", refused.getErrors().get(0).getAttribute());
    }
    assertDoesNotThrow(() -> factory.validateConfig(null, null, config("1")));
    assertDoesNotThrow(() -> factory.validateConfig(null, null, config("10080")));
    assertDoesNotThrow(() -> factory.validateConfig(null, null, new RequiredActionConfigModel()));
  }

  @Test
  void theHelpTextShowsTheRange() {
    for (ProviderConfigProperty property : factory.getConfigMetadata()) {
      assertTrue(
          ChangeTemporaryPasswordActionFactory.RULES.names().contains(property.getName()),
          property.getName());
      assertTrue(property.getHelpText().endsWith("Whole number from 1 to 10080."));
    }
  }

  private static RequiredActionConfigModel config(String minutes) {
    RequiredActionConfigModel model = new RequiredActionConfigModel();
    model.setConfig(Map.of("lifetimeMinutes", minutes));
    return model;
  }
}
