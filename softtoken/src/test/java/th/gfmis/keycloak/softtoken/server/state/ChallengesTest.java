package th.gfmis.keycloak.softtoken.server.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;
import th.gfmis.keycloak.core.state.SingleUseStores;
import th.gfmis.keycloak.core.testing.InMemorySingleUseObjects;
import th.gfmis.keycloak.core.testing.Parallel;
import th.gfmis.keycloak.core.throttle.AddressLockout;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.core.throttle.UserLocks;
import th.gfmis.keycloak.softtoken.protocol.Base64Urls;
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
  private final ChallengeOwners owners = ChallengeOwners.keyedBy(new byte[64]);
  private final Challenges challenges = new Challenges(store, REALM, owners);
  private final AtomicInteger made = new AtomicInteger();

  private Challenges.Challenge challenge(String user, String address) {
    Instant now = store.now();
    int n = made.incrementAndGet();
    return new Challenges.Challenge(
        user,
        new PendingChallenge(
            null,
            "nonce" + n,
            "gfmis",
            "New GFMIS Thai",
            now,
            now.plus(Duration.ofMinutes(2)),
            "Chrome on Linux",
            address,
            List.of(12, 47, 85)),
        47,
        "poll" + n,
        5,
        Duration.ofMinutes(15));
  }

  private String create(Challenges.Challenge challenge) {
    return challenges.create(challenge, store.now()).orElseThrow().summary().id();
  }

  @Test
  void aSecondSignInDoesNotReplaceTheFirst() {
    Challenges.Challenge holder = challenge("u", "198.51.100.1");
    Challenges.Challenge attacker = challenge("u", "203.0.113.9");
    String first = create(holder);
    store.advance(Duration.ofSeconds(1));
    String second = create(attacker);

    List<Challenges.Challenge> pending = challenges.pendingFor("u", store.now());
    assertEquals(List.of(first, second), pending.stream().map(c -> c.summary().id()).toList());
    assertEquals("198.51.100.1", pending.get(0).summary().ipAddress());
    assertTrue(challenges.pendingFor("someone-else", store.now()).isEmpty());
  }

  @Test
  void aNewChallengeWritesTwiceHoweverManySlotsAreTaken() {
    for (int i = 0; i < 5; i++) {
      create(challenge("u", "198.51.100.1"));
    }
    int before = store.writes();
    create(challenge("u", "198.51.100.1"));
    assertEquals(2, store.writes() - before, "the slot's claim, the challenge in it");
  }

  @Test
  void anAnswerWritesOneEntry() {
    String id = create(challenge("u", "198.51.100.1"));
    int before = store.writes();
    assertTrue(challenges.consume(challenges.get(id), store.now()));
    assertEquals(1, store.writes() - before, "the answered mark");
  }

  @Test
  void aChallengeIsFoundByItsIdAndNoOtherId() {
    String id = create(challenge("u", "198.51.100.1"));
    assertEquals("poll1", challenges.get(id).pollHandle());
    assertEquals(22, id.length(), "16 bytes as the protocol says");

    byte[] forged = Base64Urls.decode(id);
    forged[15] ^= 1;
    assertNull(challenges.get(Base64Urls.encode(forged)), "same slot, another id");
    assertNull(challenges.get(id.substring(1)), "not 16 bytes");
    assertNull(challenges.get("not base64url!"));
    assertNull(challenges.get(null));
  }

  @Test
  void aSlotClaimedButNotYetFilledIsNeitherListedNorFound() {
    String owner = owners.of("u");
    store.putIfAbsent(
        SingleUseStores.SOFTTOKEN_PENDING_CHALLENGES.key("realm-1", owner + "#0"), 60);
    assertTrue(challenges.pendingFor("u", store.now()).isEmpty());
    String id = create(challenge("u", "a"));
    assertEquals(1, ChallengeIds.placeOf(id).orElseThrow().slot(), "the next free slot");
    assertEquals(
        List.of(id),
        challenges.pendingFor("u", store.now()).stream().map(c -> c.summary().id()).toList());
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
    Challenges.Challenge stored =
        challenges.create(withNanosAndNoBrowser, store.now()).orElseThrow();
    PendingChallenge listed = challenges.pendingFor("u", store.now()).get(0).summary();
    assertEquals(listed, stored.listed());
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
                null,
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
    String pickedId = create(picked);
    String typedId = create(typed);

    Challenges.Challenge readPicked = challenges.get(pickedId);
    assertEquals(NumberMatching.Mode.PICK, readPicked.summary().mode());
    assertEquals(List.of(12, 47, 85), readPicked.summary().numberChoices());
    Challenges.Challenge readTyped = challenges.get(typedId);
    assertEquals(NumberMatching.Mode.TYPE, readTyped.summary().mode());
    assertNull(readTyped.summary().numberChoices());
    assertEquals(47, readTyped.displayed());
  }

  @Test
  void answeredAndWithdrawnChallengesLeaveTheList() {
    String answered = create(challenge("u", "a"));
    String withdrawn = create(challenge("u", "b"));
    assertTrue(challenges.consume(challenges.get(answered), store.now()));
    challenges.withdraw(withdrawn);
    assertTrue(challenges.pendingFor("u", store.now()).isEmpty());
    assertNull(challenges.get(withdrawn));
    assertTrue(challenges.isAnswered(answered));
    assertFalse(challenges.consume(challenges.get(answered), store.now()), "answered once only");
  }

  @Test
  void aWithdrawnChallengeFreesItsSlotAtOnceAnAnsweredOneWhenItExpires() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < Challenges.MAX_PENDING; i++) {
      ids.add(create(challenge("u", "a")));
    }
    assertTrue(challenges.consume(challenges.get(ids.get(0)), store.now()));
    assertTrue(
        challenges.create(challenge("u", "a"), store.now()).isEmpty(), "answered: slot still held");

    challenges.withdraw(ids.get(1));
    assertTrue(
        challenges.create(challenge("u", "a"), store.now()).isPresent(), "withdrawn: slot freed");

    store.advance(Duration.ofMinutes(2).plus(Challenges.AFTER_EXPIRY).plusSeconds(1));
    assertTrue(
        challenges.create(challenge("u", "a"), store.now()).isPresent(), "expired: slot freed");
  }

  @Test
  void expiredChallengesAreNotListed() {
    create(challenge("u", "a"));
    store.advance(Duration.ofMinutes(2));
    assertTrue(challenges.pendingFor("u", store.now()).isEmpty());
  }

  @Test
  void fiftyParallelSignInsTakeAtMostTheUsersPendingSlots() throws Exception {
    List<Boolean> created =
        Parallel.run(
            50, () -> challenges.create(challenge("u", "203.0.113.9"), store.now()).isPresent());
    assertEquals(Challenges.MAX_PENDING, created.stream().filter(b -> b).count());
    assertEquals(Challenges.MAX_PENDING, challenges.pendingFor("u", store.now()).size());
  }

  @Test
  void ofFiftyParallelAnswersExactlyOneConsumesTheChallenge() throws Exception {
    Challenges.Challenge stored = challenges.get(create(challenge("u", "a")));
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
  void aChallengeCountsWithOneWrite() {
    AddressLockout throttle = ChallengeThrottle.of(store, REALM);
    throttle.count("u", "203.0.113.9", 10, Duration.ofMinutes(10), store.now());
    int before = store.writes();
    assertTrue(
        throttle.count("u", "203.0.113.9", 10, Duration.ofMinutes(10), store.now()).allowed());
    assertEquals(1, store.writes() - before, "the slot's claim");
  }

  @Test
  void aFullChallengeThrottleSaysHowLongAtMostAndIsOneOfTheUsersLocks() {
    AddressLockout throttle = ChallengeThrottle.of(store, REALM);
    Duration window = Duration.ofMinutes(10);
    for (int i = 0; i < 3; i++) {
      assertTrue(throttle.count("u", "203.0.113.9", 3, window, store.now()).allowed());
    }
    store.advance(Duration.ofMinutes(4));
    AttemptLimiter.Attempt refused = throttle.count("u", "203.0.113.9", 3, window, store.now());
    assertFalse(refused.allowed());
    assertEquals(window, refused.blockedFor(), "no end time noted: the window, an upper bound");
    List<UserLocks.Lock> locks = new UserLocks(store, "realm-1", "u").active(store.now());
    assertEquals(1, locks.size());
    assertEquals(ChallengeThrottle.KIND, locks.get(0).kind());
    assertEquals("203.0.113.9", locks.get(0).subject());
    store.advance(Duration.ofMinutes(6));
    assertTrue(throttle.count("u", "203.0.113.9", 3, window, store.now()).allowed(), "freed");
  }
}
