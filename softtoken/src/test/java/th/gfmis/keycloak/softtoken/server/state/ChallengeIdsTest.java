package th.gfmis.keycloak.softtoken.server.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.softtoken.protocol.Base64Urls;

class ChallengeIdsTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String OWNER = "0123456789abcdef";

  @Test
  void anIdNamesItsUsersSlots() {
    String id = ChallengeIds.newId(OWNER, 19, RANDOM);
    assertEquals(new ChallengeIds.Place(OWNER, 19), ChallengeIds.placeOf(id).orElseThrow());
    assertEquals(16, Base64Urls.decode(id).length);
  }

  @Test
  void twoIdsForOneSlotDiffer() {
    assertNotEquals(ChallengeIds.newId(OWNER, 0, RANDOM), ChallengeIds.newId(OWNER, 0, RANDOM));
  }

  @Test
  void anythingElseNamesNoPlace() {
    assertTrue(ChallengeIds.placeOf(null).isEmpty());
    assertTrue(ChallengeIds.placeOf("").isEmpty());
    assertTrue(ChallengeIds.placeOf("a+b/c").isEmpty(), "not base64url");
    assertTrue(ChallengeIds.placeOf(Base64Urls.encode(new byte[15])).isEmpty(), "15 bytes");
    assertTrue(ChallengeIds.placeOf(Base64Urls.encode(new byte[17])).isEmpty(), "17 bytes");
    assertTrue(ChallengeIds.placeOf("AAAAAAAAAAAAAAAAAAAAAB").isEmpty(), "not canonical");
  }

  @Test
  void aSlotNumberFitsOneByte() {
    assertThrows(IllegalArgumentException.class, () -> ChallengeIds.newId(OWNER, 256, RANDOM));
    assertThrows(IllegalArgumentException.class, () -> ChallengeIds.newId(OWNER, -1, RANDOM));
  }
}
