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

  @Test
  void anIdNamesItsUsersSlots() {
    String id =
        ChallengeIds.newId(ChallengeIds.owner("0b6f6c1e-2c43-4d7e-9a55-3f1c2d9e8a10"), 19, RANDOM);
    assertEquals(
        new ChallengeIds.Place(ChallengeIds.owner("0b6f6c1e-2c43-4d7e-9a55-3f1c2d9e8a10"), 19),
        ChallengeIds.placeOf(id).orElseThrow());
    assertEquals(16, Base64Urls.decode(id).length);
  }

  @Test
  void twoIdsForOneSlotDifferAndTwoUsersHaveTwoOwners() {
    assertNotEquals(
        ChallengeIds.newId(ChallengeIds.owner("u"), 0, RANDOM),
        ChallengeIds.newId(ChallengeIds.owner("u"), 0, RANDOM));
    assertNotEquals(ChallengeIds.owner("u"), ChallengeIds.owner("v"));
    assertEquals(16, ChallengeIds.owner("u").length(), "8 bytes in hex");
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
    assertThrows(
        IllegalArgumentException.class,
        () -> ChallengeIds.newId(ChallengeIds.owner("u"), 256, RANDOM));
    assertThrows(
        IllegalArgumentException.class,
        () -> ChallengeIds.newId(ChallengeIds.owner("u"), -1, RANDOM));
  }
}
