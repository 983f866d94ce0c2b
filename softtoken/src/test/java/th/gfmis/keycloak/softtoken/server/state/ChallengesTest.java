package th.gfmis.keycloak.softtoken.server.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;
import th.gfmis.keycloak.core.testing.InMemorySingleUseObjects;
import th.gfmis.keycloak.core.testing.Parallel;
import th.gfmis.keycloak.core.throttle.AddressLockout;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.core.throttle.UserLocks;
import th.gfmis.keycloak.softtoken.protocol.NumberMatching;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;

class ChallengesTest {

  static final RealmModel REALM =
      (RealmModel)
          Proxy.newProxyInstance(
              RealmModel.class.getClassLoader(),
              new Class<?>[] {RealmModel.class},
              (proxy, method, args) -> {
                if (method.getName().equals("getId") || method.getName().equals("getName")) {
                  return "realm-1";
                }
                throw new UnsupportedOperationException(method.getName());
              });

  private final InMemorySingleUseObjects store =
      new InMemorySingleUseObjects(Instant.parse("2026-01-01T00:00:00Z"));
  private final Challenges challenges = new Challenges(store, REALM);
  private final AtomicInteger ids = new AtomicInteger();

  private Challenges.Challenge challenge(String user, String address) {
    Instant now = store.now();
    String id = "ch" + ids.incrementAndGet();
    return new Challenges.Challenge(
        user,
        new PendingChallenge(
            id,
            "nonce" + id,
            "gfmis",
            "New GFMIS Thai",
            now,
            now.plus(Duration.ofMinutes(2)),
            "Chrome on Linux",
            address,
            List.of(12, 47, 85)),
        47,
        "poll" + id,
        5,
        Duration.ofMinutes(15));
  }

  @Test
  void aSecondSignInDoesNotReplaceTheFirst() {
    Challenges.Challenge holder = challenge("u", "198.51.100.1");
    Challenges.Challenge attacker = challenge("u", "203.0.113.9");
    assertTrue(challenges.create(holder, store.now()));
    store.advance(Duration.ofSeconds(1));
    assertTrue(challenges.create(attacker, store.now()));

    List<Challenges.Challenge> pending = challenges.pendingFor("u", store.now());
    assertEquals(List.of("ch1", "ch2"), pending.stream().map(c -> c.summary().id()).toList());
    assertEquals("198.51.100.1", pending.get(0).summary().ipAddress());
    assertTrue(challenges.pendingFor("someone-else", store.now()).isEmpty());
  }

  @Test
  void aNewChallengeWritesThreeEntriesHoweverManySlotsAreTaken() {
    for (int i = 0; i < 5; i++) {
      assertTrue(challenges.create(challenge("u", "198.51.100.1"), store.now()));
    }
    int before = store.writes();
    assertTrue(challenges.create(challenge("u", "198.51.100.1"), store.now()));
    assertEquals(3, store.writes() - before, "the slot's claim, its pointer, the challenge");
  }

  @Test
  void anAnswerWritesOneEntry() {
    challenges.create(challenge("u", "198.51.100.1"), store.now());
    int before = store.writes();
    assertTrue(challenges.consume(challenges.get("ch1"), store.now()));
    assertEquals(1, store.writes() - before, "the answered mark");
  }

  @Test
  void thePushedFormIsWhatTheDeviceLists() {
    Challenges.Challenge made = challenge("u", "198.51.100.1");
    Challenges.Challenge withNanosAndNoBrowser =
        new Challenges.Challenge(
            "u",
            new PendingChallenge(
                made.summary().id(),
                made.summary().nonce(),
                "gfmis",
                "",
                store.now().plusNanos(123_456_789),
                store.now().plus(Duration.ofMinutes(2)).plusNanos(5),
                null,
                "198.51.100.1",
                List.of(12, 47, 85)),
            47,
            "poll",
            5,
            Duration.ofMinutes(15));
    assertTrue(challenges.create(withNanosAndNoBrowser, store.now()));
    PendingChallenge listed = challenges.pendingFor("u", store.now()).get(0).summary();
    assertEquals(listed, withNanosAndNoBrowser.listed());
    assertNull(listed.clientName());
    assertEquals(0, listed.createdAt().getNano());
  }

  @Test
  void aTypeTheNumberChallengeIsStoredWithoutChoices() {
    Challenges.Challenge picked = challenge("u", "a");
    PendingChallenge p = picked.summary();
    Challenges.Challenge typed =
        new Challenges.Challenge(
            "u",
            new PendingChallenge(
                "typed",
                "nonce-typed",
                p.clientId(),
                p.clientName(),
                p.createdAt(),
                p.expiresAt(),
                p.browser(),
                p.ipAddress(),
                null,
                NumberMatching.Mode.TYPE.wire()),
            47,
            "poll-typed",
            5,
            Duration.ofMinutes(15));
    assertTrue(challenges.create(picked, store.now()));
    assertTrue(challenges.create(typed, store.now()));

    Challenges.Challenge readPicked = challenges.get(p.id());
    assertEquals(NumberMatching.Mode.PICK, readPicked.summary().mode());
    assertEquals(List.of(12, 47, 85), readPicked.summary().numberChoices());
    Challenges.Challenge readTyped = challenges.get("typed");
    assertEquals(NumberMatching.Mode.TYPE, readTyped.summary().mode());
    assertNull(readTyped.summary().numberChoices());
    assertEquals(47, readTyped.displayed());
  }

  @Test
  void answeredAndWithdrawnChallengesLeaveTheList() {
    challenges.create(challenge("u", "a"), store.now());
    challenges.create(challenge("u", "b"), store.now());
    assertTrue(challenges.consume(challenges.get("ch1"), store.now()));
    challenges.withdraw("ch2");
    assertTrue(challenges.pendingFor("u", store.now()).isEmpty());
    assertNull(challenges.get("ch2"));
    assertTrue(challenges.isAnswered("ch1"));
    assertFalse(challenges.consume(challenges.get("ch1"), store.now()), "answered once only");
  }

  @Test
  void aWithdrawnChallengeFreesItsSlotAtOnceAnAnsweredOneWhenItExpires() {
    for (int i = 0; i < Challenges.MAX_PENDING; i++) {
      assertTrue(challenges.create(challenge("u", "a"), store.now()));
    }
    assertTrue(challenges.consume(challenges.get("ch1"), store.now()));
    assertFalse(challenges.create(challenge("u", "a"), store.now()), "answered: slot still held");

    challenges.withdraw("ch2");
    assertTrue(challenges.create(challenge("u", "a"), store.now()), "withdrawn: slot freed");

    store.advance(Duration.ofMinutes(2).plus(Challenges.AFTER_EXPIRY).plusSeconds(1));
    assertTrue(challenges.create(challenge("u", "a"), store.now()), "expired: slot freed");
  }

  @Test
  void expiredChallengesAreNotListed() {
    challenges.create(challenge("u", "a"), store.now());
    store.advance(Duration.ofMinutes(2));
    assertTrue(challenges.pendingFor("u", store.now()).isEmpty());
  }

  @Test
  void fiftyParallelSignInsTakeAtMostTheUsersPendingSlots() throws Exception {
    List<Boolean> created =
        Parallel.run(50, () -> challenges.create(challenge("u", "203.0.113.9"), store.now()));
    assertEquals(Challenges.MAX_PENDING, created.stream().filter(b -> b).count());
    assertEquals(Challenges.MAX_PENDING, challenges.pendingFor("u", store.now()).size());
  }

  @Test
  void ofFiftyParallelAnswersExactlyOneConsumesTheChallenge() throws Exception {
    challenges.create(challenge("u", "a"), store.now());
    Challenges.Challenge stored = challenges.get("ch1");
    List<Boolean> consumed = Parallel.run(50, () -> challenges.consume(stored, store.now()));
    assertEquals(1, consumed.stream().filter(b -> b).count());
  }

  @Test
  void lockoutHoldsOnlyTheAddressThatStartedTheFailures() {
    AddressLockout lockout = SoftTokenLockout.of(store, REALM);
    Duration window = Duration.ofMinutes(15);
    for (int i = 0; i < 5; i++) {
      lockout.recordFailure("u", "203.0.113.9", 5, window, store.now());
    }
    assertEquals(window, lockout.blockedFor("u", "203.0.113.9", 5, window, store.now()));
    assertEquals(Duration.ZERO, lockout.blockedFor("u", "198.51.100.1", 5, window, store.now()));
  }

  @Test
  void fiftyParallelChallengesFromOneAddressGetTheThrottleLimit() throws Exception {
    AddressLockout throttle = ChallengeThrottle.of(store, REALM);
    List<Boolean> allowed =
        Parallel.run(
            50,
            () ->
                throttle
                    .count("u", "203.0.113.9", 10, Duration.ofMinutes(10), store.now())
                    .allowed());
    assertEquals(10, allowed.stream().filter(b -> b).count());
    assertTrue(
        throttle.count("u", "198.51.100.1", 10, Duration.ofMinutes(10), store.now()).allowed(),
        "another address is not held back");
  }

  @Test
  void aFullChallengeThrottleSaysHowLongAndIsOneOfTheUsersLocks() {
    AddressLockout throttle = ChallengeThrottle.of(store, REALM);
    Duration window = Duration.ofMinutes(10);
    for (int i = 0; i < 3; i++) {
      assertTrue(throttle.count("u", "203.0.113.9", 3, window, store.now()).allowed());
    }
    store.advance(Duration.ofMinutes(4));
    AttemptLimiter.Attempt refused = throttle.count("u", "203.0.113.9", 3, window, store.now());
    assertFalse(refused.allowed());
    assertEquals(Duration.ofMinutes(6), refused.blockedFor());
    List<UserLocks.Lock> locks = new UserLocks(store, "realm-1", "u").active(store.now());
    assertEquals(1, locks.size());
    assertEquals(ChallengeThrottle.KIND, locks.get(0).kind());
    assertEquals("203.0.113.9", locks.get(0).subject());
  }
}
