package th.gfmis.keycloak.authenticators.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.core.testing.InMemorySingleUseObjects;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.core.throttle.UserLimit;
import th.gfmis.keycloak.core.throttle.UserLocks;

class ClaimedLimitsTest {

  private final InMemorySingleUseObjects store =
      new InMemorySingleUseObjects(Instant.parse("2026-01-01T00:00:00Z"));
  private final UserLocks locks = new UserLocks(store, "realm-1", "user-1");

  private UserLimit limit(String key, int max, Duration window) {
    return new UserLimit(new AttemptLimiter(store, max, window), key, locks, key, "203.0.113.1");
  }

  private final UserLimit perUser = limit("per-user", 2, Duration.ofMinutes(60));
  private final UserLimit perAddress = limit("per-address", 1, Duration.ofMinutes(10));

  private ClaimedLimits claim() {
    return ClaimedLimits.claim(store.now(), List.of(perUser, perAddress));
  }

  @Test
  void aCountedRequestCountsInEveryLimit() {
    claim().counted();
    ClaimedLimits refused = claim();
    assertFalse(refused.allowed());
    assertEquals(Duration.ofMinutes(10), refused.blockedFor(), "the refusing limit's time");
  }

  @Test
  void aRefusalGivesBackWhatWasClaimedBeforeIt() {
    claim().counted();
    for (int i = 0; i < 5; i++) {
      assertFalse(claim().allowed());
    }
    store.advance(Duration.ofMinutes(10));
    ClaimedLimits second = claim();
    assertTrue(second.allowed(), "the refusals took nothing of the per-user limit");
    second.counted();
    store.advance(Duration.ofMinutes(10));
    ClaimedLimits third = claim();
    assertFalse(third.allowed());
    assertEquals(Duration.ofMinutes(40), third.blockedFor(), "now the per-user limit is full");
  }

  @Test
  void aCheckThatThrowsCountsNowhere() {
    for (int i = 0; i < 5; i++) {
      ClaimedLimits claims = claim();
      assertTrue(claims.allowed(), "undecided requests never count");
      assertThrows(
          IllegalStateException.class,
          () ->
              claims.giveBackIfUndecided(
                  () -> {
                    throw new IllegalStateException("database down");
                  }));
    }
    ClaimedLimits answered = claim();
    assertFalse(answered.giveBackIfUndecided(() -> false));
    answered.counted();
    assertFalse(claim().allowed(), "an answered miss counts");
  }

  @Test
  void aRequestGivenBackCountsNowhere() {
    for (int i = 0; i < 5; i++) {
      ClaimedLimits claims = claim();
      assertTrue(claims.allowed());
      assertEquals(Duration.ZERO, claims.blockedFor());
      claims.givenBack();
    }
    assertTrue(locks.active(store.now()).isEmpty());
  }
}
