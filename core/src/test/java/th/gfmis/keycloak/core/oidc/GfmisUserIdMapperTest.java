package th.gfmis.keycloak.core.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GfmisUserIdMapperTest {

  @Test
  void keycloaksLowerCaseUsernameBecomesTheUpperCaseGfmisUserId() {
    assertEquals(Optional.of("T05005000000101"), GfmisUserIdMapper.claimValue("t05005000000101"));
  }

  @Test
  void aUsernameThatIsNoGfmisUserIdGivesNoClaim() {
    assertEquals(Optional.empty(), GfmisUserIdMapper.claimValue("admin"));
    assertEquals(Optional.empty(), GfmisUserIdMapper.claimValue("t0500500000010"));
    assertEquals(Optional.empty(), GfmisUserIdMapper.claimValue("t05005000000101x"));
    assertEquals(Optional.empty(), GfmisUserIdMapper.claimValue(null));
  }
}
