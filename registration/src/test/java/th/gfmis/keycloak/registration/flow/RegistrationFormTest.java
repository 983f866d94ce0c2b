package th.gfmis.keycloak.registration.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.models.utils.FormMessage;

class RegistrationFormTest {

  private static RegistrationForm form(String userId, String citizenId, String email) {
    MultivaluedHashMap<String, String> params = new MultivaluedHashMap<>();
    params.add(RegistrationForm.USER_ID, userId);
    params.add(RegistrationForm.CITIZEN_ID, citizenId);
    params.add(RegistrationForm.EMAIL, email);
    return RegistrationForm.from(params);
  }

  @Test
  void aLowerCaseUserIdIsAcceptedAndShownUpperCase() {
    RegistrationForm input = form(" t05005000000101 ", "2-3456-87383-51-8", "a@b.go.th");
    assertTrue(input.fieldErrors().isEmpty(), input.fieldErrors().toString());
    assertEquals("T05005000000101", input.asTemplateValues().get(RegistrationForm.USER_ID));
    assertEquals("t05005000000101", input.parsedUserId().orElseThrow().username());
  }

  @Test
  void eachBadFieldHasItsOwnError() {
    List<FormMessage> errors = form("T0500", "2345687383519", "nope").fieldErrors();
    assertEquals(
        List.of("userId", "citizenId", "email"),
        errors.stream().map(FormMessage::getField).toList());
    assertEquals("gfmisInvalidCitizenId", errors.get(1).getMessage());
  }

  @Test
  void overLongInputIsCut() {
    RegistrationForm input = form("T".repeat(5000), "", "");
    assertEquals(254, input.userId().length());
  }

  @Test
  void theResendIntervalDefaultsToFiveMinutes() {
    RegistrationSettings settings = RegistrationSettings.of(null);
    assertEquals(Duration.ofMinutes(5), settings.otpPolicy().resendCooldown());
    assertEquals(3, settings.otpPolicy().maxWrongGuesses());
  }
}
