package th.gfmis.keycloak.softtoken.server.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ChallengeOwnersTest {

  private static final String USER = "0b6f6c1e-2c43-4d7e-9a55-3f1c2d9e8a10";

  private static byte[] key(int fill) {
    byte[] key = new byte[64];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  @Test
  void oneUserHasOneOwnerUnderOneKeyAndTwoUsersTwo() {
    ChallengeOwners owners = ChallengeOwners.keyedBy(key(1));
    assertEquals(owners.of(USER), ChallengeOwners.keyedBy(key(1)).of(USER));
    assertNotEquals(owners.of(USER), owners.of("another-user"));
    assertEquals(16, owners.of(USER).length(), "8 bytes in hex");
  }

  @Test
  void theOwnerCannotBeWorkedOutFromTheUsersIdAlone() throws Exception {
    String unkeyed =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(USER.getBytes(StandardCharsets.UTF_8)),
                0,
                8);
    assertNotEquals(unkeyed, ChallengeOwners.keyedBy(key(1)).of(USER));
    assertNotEquals(
        ChallengeOwners.keyedBy(key(1)).of(USER),
        ChallengeOwners.keyedBy(key(2)).of(USER),
        "another realm key, another owner");
  }

  @Test
  void theRealmKeyIsLookedUpOnceAndOnlyWhenNeeded() {
    int[] lookups = {0};
    byte[] realmKey = key(3);
    ChallengeOwners owners =
        ChallengeOwners.lookingUp(
            () -> {
              lookups[0]++;
              return realmKey;
            });
    assertEquals(0, lookups[0]);
    owners.of(USER);
    owners.of("another-user");
    assertEquals(1, lookups[0]);
  }
}
