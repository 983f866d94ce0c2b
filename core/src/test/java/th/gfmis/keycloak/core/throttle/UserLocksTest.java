package th.gfmis.keycloak.core.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.core.testing.InMemorySingleUseObjects;

class UserLocksTest {

  private final InMemorySingleUseObjects store =
      new InMemorySingleUseObjects(Instant.parse("2026-01-01T00:00:00Z"));
  private final UserLocks locks = new UserLocks(store, "realm", "user-1");
  private final AttemptLimiter twoPer15 = new AttemptLimiter(store, 2, Duration.ofMinutes(15));

  private UserLimit perUser() {
    return new UserLimit(twoPer15, "t:" + locks.scope(), locks, "reset-identify", "203.0.113.5");
  }

  @Test
  void aFullLimitIsListedWithItsEnd() {
    perUser().counted(perUser().claim(store.now()));
    assertTrue(locks.active(store.now()).isEmpty(), "one failure is not a lock");
    perUser().counted(perUser().claim(store.now()));
    List<UserLocks.Lock> active = locks.active(store.now());
    assertEquals(1, active.size());
    assertEquals("reset-identify", active.get(0).kind());
    assertEquals("203.0.113.5", active.get(0).subject());
    assertEquals(store.now().plus(Duration.ofMinutes(15)), active.get(0).until());
    store.advance(Duration.ofMinutes(15));
    assertTrue(locks.active(store.now()).isEmpty(), "ended locks are not listed");
  }

  @Test
  void clearingStartsANewEpochAndFreesSharedKeys() {
    String scopeBefore = locks.scope();
    UserLimit shared = new UserLimit(twoPer15, "address:203.0.113.5", locks, "addr", "x");
    for (int i = 0; i < 2; i++) {
      perUser().counted(perUser().claim(store.now()));
      shared.counted(shared.claim(store.now()));
    }
    assertFalse(perUser().claim(store.now()).allowed());
    assertFalse(shared.claim(store.now()).allowed());

    assertEquals(2, locks.clear(store.now()).size());

    assertNotEquals(scopeBefore, locks.scope());
    assertTrue(perUser().claim(store.now()).allowed(), "per-user key is in the new epoch");
    assertTrue(shared.claim(store.now()).allowed(), "shared key was freed");
    assertTrue(locks.active(store.now()).isEmpty());
  }
}
