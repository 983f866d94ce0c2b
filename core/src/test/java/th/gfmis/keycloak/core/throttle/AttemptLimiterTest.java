package th.gfmis.keycloak.core.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.core.testing.InMemorySingleUseObjects;
import th.gfmis.keycloak.core.testing.Parallel;

class AttemptLimiterTest {

  private final InMemorySingleUseObjects store =
      new InMemorySingleUseObjects(Instant.parse("2026-01-01T00:00:00Z"));
  private final AttemptLimiter limiter = new AttemptLimiter(store, 3, Duration.ofMinutes(15));

  @Test
  void allowsUpToTheLimitThenRefusesWithTheTimeLeft() {
    for (int i = 0; i < 3; i++) {
      AttemptLimiter.Attempt attempt = limiter.claim("k", store.now());
      assertTrue(attempt.allowed());
      assertEquals(i == 2, attempt.exhausted());
      attempt.counted();
      store.advance(Duration.ofMinutes(1));
    }
    AttemptLimiter.Attempt refused = limiter.claim("k", store.now());
    assertFalse(refused.allowed());
    assertEquals(Duration.ofMinutes(12), refused.blockedFor(), "until the first slot frees");
    assertEquals(Duration.ofMinutes(12), limiter.blockedFor("k", store.now()));
  }

  @Test
  void slotsFreeThemselvesOneByOne() {
    for (int i = 0; i < 3; i++) {
      limiter.claim("k", store.now()).counted();
      store.advance(Duration.ofMinutes(5));
    }
    // 15 minutes after the first failure its slot is free again; the others are not.
    assertTrue(limiter.claim("k", store.now()).allowed());
    assertFalse(limiter.claim("k", store.now()).allowed());
  }

  @Test
  void aSuccessGivesItsSlotBack() {
    for (int i = 0; i < 10; i++) {
      AttemptLimiter.Attempt attempt = limiter.claim("k", store.now());
      assertTrue(attempt.allowed(), "successes never count");
      attempt.succeeded();
    }
    assertEquals(Duration.ZERO, limiter.blockedFor("k", store.now()));
  }

  @Test
  void aCheckThatThrowsGivesItsSlotBackAndOneThatAnswersKeepsIt() {
    for (int i = 0; i < 5; i++) {
      AttemptLimiter.Attempt attempt = limiter.claim("k", store.now());
      assertTrue(attempt.allowed(), "undecided checks never count");
      assertThrows(
          IllegalStateException.class,
          () ->
              attempt.giveBackIfUndecided(
                  () -> {
                    throw new IllegalStateException("database down");
                  }));
    }
    for (int i = 0; i < 3; i++) {
      AttemptLimiter.Attempt answered = limiter.claim("k", store.now());
      assertFalse(answered.giveBackIfUndecided(() -> false));
      answered.counted();
    }
    assertFalse(limiter.claim("k", store.now()).allowed(), "three answered attempts fill it");
  }

  @Test
  void aClaimWritesOnceHoweverManySlotsAreTakenAndARefusalNotAtAll() {
    limiter.claim("k", store.now()).counted();
    limiter.claim("k", store.now()).counted();
    int before = store.writes();
    limiter.claim("k", store.now()).counted();
    assertEquals(2, store.writes() - before, "the claim of the third slot, and its end time");
    before = store.writes();
    assertFalse(limiter.claim("k", store.now()).allowed());
    assertEquals(0, store.writes() - before);
  }

  @Test
  void keysAreIndependentAndResetFreesAll() {
    for (int i = 0; i < 3; i++) {
      limiter.claim("a", store.now()).counted();
    }
    assertFalse(limiter.claim("a", store.now()).allowed());
    assertTrue(limiter.claim("b", store.now()).allowed());
    limiter.reset("a");
    assertTrue(limiter.claim("a", store.now()).allowed());
  }

  @Test
  void fiftyParallelAttemptsGetExactlyTheLimit() throws Exception {
    AttemptLimiter five = new AttemptLimiter(store, 5, Duration.ofMinutes(15));
    List<Boolean> results =
        Parallel.run(
            50,
            () -> {
              AttemptLimiter.Attempt attempt = five.claim("k", store.now());
              if (attempt.allowed()) {
                attempt.counted();
              }
              return attempt.allowed();
            });
    assertEquals(5, results.stream().filter(b -> b).count());
  }

  @Test
  void cooldownLetsExactlyOneOfFiftyParallelRequestsAct() throws Exception {
    Cooldown cooldown = new Cooldown(store);
    List<Boolean> results =
        Parallel.run(
            50, () -> cooldown.tryStart("mail", store.now(), Duration.ofMinutes(60)).allowed());
    assertEquals(1, results.stream().filter(b -> b).count());
    store.advance(Duration.ofMinutes(60));
    assertTrue(cooldown.tryStart("mail", store.now(), Duration.ofMinutes(60)).allowed());
  }

  @Test
  void aCooldownGivenBackCanStartAgain() {
    Cooldown cooldown = new Cooldown(store);
    cooldown.tryStart("mail", store.now(), Duration.ofMinutes(60)).succeeded();
    AttemptLimiter.Attempt again = cooldown.tryStart("mail", store.now(), Duration.ofMinutes(60));
    assertTrue(again.allowed());
    again.counted();
    AttemptLimiter.Attempt third = cooldown.tryStart("mail", store.now(), Duration.ofMinutes(60));
    assertFalse(third.allowed());
    assertEquals(Duration.ofMinutes(60), third.blockedFor());
  }
}
