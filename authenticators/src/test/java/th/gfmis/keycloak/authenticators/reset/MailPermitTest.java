package th.gfmis.keycloak.authenticators.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.core.testing.InMemorySingleUseObjects;

class MailPermitTest {

  private final InMemorySingleUseObjects store =
      new InMemorySingleUseObjects(Instant.parse("2026-01-01T00:00:00Z"));
  private final ResetSettings settings = ResetSettings.of(null);
  private final ResetThrottles throttles =
      new ResetThrottles(
          proxy(KeycloakSession.class, Map.of("singleUseObjects", store)),
          proxy(RealmModel.class, Map.of("getId", "realm-1")),
          settings);
  private final UserModel holder = proxy(UserModel.class, Map.of("getId", "user-1"));

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Map<String, Object> answers) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, method, args) -> {
              if (answers.containsKey(method.getName())) {
                return answers.get(method.getName());
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private boolean ask(String address) {
    MailPermit permit = MailPermit.ask(throttles, holder, address, settings, store.now());
    if (permit.allowed()) {
      permit.used();
    }
    return permit.allowed();
  }

  @Test
  void theDefaultsAreTheRequirements() {
    assertEquals(Duration.ofMinutes(60), settings.otpPolicy().resendCooldown());
    assertEquals(3, settings.maxOtpMailsPerUser());
    assertEquals(Duration.ofMinutes(10), settings.otpMailWindow());
  }

  @Test
  void oneMailPerUserAndAddressPerIntervalOthersAddressesStillGetOne() {
    assertTrue(ask("203.0.113.1"));
    assertFalse(ask("203.0.113.1"), "the same address waits out the interval");
    assertTrue(ask("198.51.100.7"), "the holder elsewhere is not held back");
    store.advance(Duration.ofMinutes(60));
    assertTrue(ask("203.0.113.1"));
  }

  @Test
  void thePerUserCapHoldsForItsWindowOnly() {
    assertTrue(ask("a"));
    assertTrue(ask("b"));
    assertTrue(ask("c"));
    MailPermit refused = MailPermit.ask(throttles, holder, "holder", settings, store.now());
    assertFalse(refused.allowed());
    assertEquals(Duration.ofMinutes(10), refused.waitFor());
    store.advance(Duration.ofMinutes(10));
    assertTrue(ask("holder"), "after the mail window the holder gets a code");
  }

  @Test
  void aRefusalByTheCapGivesTheIntervalBack() {
    ask("a");
    ask("b");
    ask("c");
    assertFalse(ask("holder"));
    store.advance(Duration.ofMinutes(10));
    assertTrue(ask("holder"), "the refused request did not start the holder's interval");
  }

  @Test
  void aMailThatCouldNotBeSentCountsForNothing() {
    MailPermit permit = MailPermit.ask(throttles, holder, "a", settings, store.now());
    permit.giveBack();
    assertTrue(ask("a"));
  }

  @Test
  void fiftyParallelRequestsFromOneAddressSendOneMail() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return ask("203.0.113.1");
                }));
      }
      start.countDown();
      int sent = 0;
      for (Future<Boolean> result : results) {
        sent += result.get() ? 1 : 0;
      }
      assertEquals(1, sent);
    } finally {
      pool.shutdownNow();
    }
  }
}
