package th.gfmis.keycloak.authenticators.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.core.testing.InMemorySingleUseObjects;
import th.gfmis.keycloak.core.testing.Parallel;

class OnceGuardTest {

  private final InMemorySingleUseObjects store =
      new InMemorySingleUseObjects(Instant.parse("2026-01-01T00:00:00Z"));
  private final OnceGuard guard = new OnceGuard(store, "tab-1", Duration.ofHours(1));
  private final AtomicInteger runs = new AtomicInteger();

  private String succeeds() {
    runs.incrementAndGet();
    return null;
  }

  @Test
  void aSecondRequestDoesNotRunItAgain() {
    assertNull(guard.once(this::succeeds));
    assertNull(guard.once(this::succeeds), "the earlier success stands for this request");
    assertEquals(1, runs.get());
  }

  @Test
  void aFailureGivesTheGuardBackSoTheHolderCanTryAgain() {
    assertEquals("mail", guard.once(() -> "mail"));
    assertNull(guard.once(this::succeeds));
    assertEquals(1, runs.get());
  }

  @Test
  void theGuardEndsWithItsLifespan() {
    guard.once(this::succeeds);
    store.advance(Duration.ofHours(1));
    guard.once(this::succeeds);
    assertEquals(2, runs.get());
  }

  @Test
  void ofFiftyParallelRequestsExactlyOneRuns() throws Exception {
    List<String> failures = Parallel.run(50, () -> guard.once(this::succeeds));
    assertEquals(50, failures.stream().filter(f -> f == null).count());
    assertEquals(1, runs.get());
  }
}
