package th.gfmis.keycloak.softtoken.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.core.testing.InMemorySingleUseObjects;

class DeviceApiThrottleTest {

  private final InMemorySingleUseObjects store =
      new InMemorySingleUseObjects(Instant.parse("2026-01-01T00:00:00Z"));
  private final DeviceApiThrottle throttle = new DeviceApiThrottle(3, Duration.ofMinutes(10));

  @Test
  void checkingAWorkingDeviceWritesNothing() {
    for (int i = 0; i < 50; i++) {
      assertEquals(Duration.ZERO, throttle.heldBackFor(store, "address", store.now()));
    }
    assertEquals(0, store.writes());
  }

  @Test
  void refusalsHoldTheAddressBackForTheRestOfTheWindow() {
    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, throttle.heldBackFor(store, "address", store.now()));
      throttle.refused(store, "address", store.now());
    }
    store.advance(Duration.ofMinutes(4));
    assertEquals(Duration.ofMinutes(6), throttle.heldBackFor(store, "address", store.now()));
    assertEquals(Duration.ZERO, throttle.heldBackFor(store, "other", store.now()));

    store.advance(Duration.ofMinutes(6));
    assertEquals(Duration.ZERO, throttle.heldBackFor(store, "address", store.now()));
  }

  @Test
  void refusalsOverTheLimitAddNothing() {
    for (int i = 0; i < 3; i++) {
      throttle.refused(store, "address", store.now());
    }
    int before = store.writes();
    throttle.refused(store, "address", store.now());
    assertEquals(0, store.writes() - before);
  }
}
