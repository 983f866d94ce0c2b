package th.gfmis.keycloak.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class OtpUsersTest {

  private Instant now = Instant.ofEpochSecond(59);
  private final InstantSource clock = () -> now;

  @Test
  void codesAreThoseOfRfc6238ForTheSecretsBytes() {
    OtpUsers users = new OtpUsers(policy("totp", 8), clock);
    users.add("alice", "12345678901234567890");

    // RFC 6238, appendix B: SHA-1, T = 59 s.
    assertEquals("94287082", users.code("alice"));
  }

  @Test
  void aUserIsLentOncePerTimeStep() {
    OtpUsers users = new OtpUsers(policy("totp", 6), clock);
    users.add("alice", "secret-a");
    users.add("bob", "secret-b");

    String first = users.take();
    users.code(first);
    users.release(first);
    String second = users.take();
    users.code(second);
    users.release(second);

    assertNotEquals(first, second);
    assertNull(users.take(), "both had their code in this step");
    assertEquals(1, users.refused());
    now = now.plusSeconds(30);
    assertEquals(first, users.take());
  }

  @Test
  void aUserIsLentToOneSignInAtATime() {
    OtpUsers users = new OtpUsers(policy("totp", 6), clock);
    users.add("alice", "secret-a");

    assertEquals("alice", users.take());
    assertNull(users.take(), "alice is signing in");
    users.release("alice");
    assertEquals("alice", users.take());
  }

  @Test
  void aSecondCodeInTheSameStepIsRefused() {
    OtpUsers users = new OtpUsers(policy("totp", 6), clock);
    users.add("alice", "secret-a");

    users.code("alice");

    assertThrows(IllegalStateException.class, () -> users.code("alice"));
  }

  @Test
  void countedCodesAreNotSupported() {
    assertThrows(IllegalStateException.class, () -> new OtpUsers(policy("hotp", 6), clock));
  }

  private static ObjectNode policy(String type, int digits) {
    return new ObjectMapper()
        .createObjectNode()
        .put("otpPolicyType", type)
        .put("otpPolicyAlgorithm", "HmacSHA1")
        .put("otpPolicyDigits", digits)
        .put("otpPolicyPeriod", 30);
  }
}
