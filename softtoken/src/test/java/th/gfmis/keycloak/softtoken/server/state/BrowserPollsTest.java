package th.gfmis.keycloak.softtoken.server.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.core.testing.InMemorySingleUseObjects;

class BrowserPollsTest {

  private final InMemorySingleUseObjects store =
      new InMemorySingleUseObjects(Instant.parse("2026-01-01T00:00:00Z"));
  private final BrowserPolls polls = new BrowserPolls(store);

  @Test
  void aHandleWithoutRecordCostsNoWriteAndWaitsForItsDeadline() {
    int before = store.writes();
    String handle = BrowserPolls.newHandle(new SecureRandom());
    assertEquals(before, store.writes());
    assertNull(polls.read(handle));
    Instant deadline = store.now().plus(Duration.ofMinutes(2));
    assertFalse(BrowserPolls.readyWithoutRecord(deadline, store.now()));
    assertTrue(BrowserPolls.readyWithoutRecord(deadline, deadline));
    assertTrue(BrowserPolls.readyWithoutRecord(null, store.now()), "no deadline: move on");
  }

  @Test
  void theOutcomeIsOneWriteAndMakesThePageReady() {
    String handle = BrowserPolls.newHandle(new SecureRandom());
    int before = store.writes();
    polls.complete(handle, "approved", "serial-1", store.now());
    assertEquals(1, store.writes() - before);
    BrowserPolls.Poll poll = polls.read(handle);
    assertEquals("approved", poll.state());
    assertEquals("serial-1", poll.detail());
    assertTrue(poll.ready(store.now()));
  }

  @Test
  void theFirstOutcomeIsFinal() {
    String handle = BrowserPolls.newHandle(new SecureRandom());
    polls.complete(handle, "approved", "serial-1", store.now());
    int before = store.writes();
    polls.complete(handle, "expired", null, store.now());
    assertEquals(before, store.writes());
    assertEquals("approved", polls.read(handle).state());
  }

  @Test
  void anOpenedRecordIsPendingUntilItExpires() {
    Instant expires = store.now().plus(Duration.ofMinutes(5));
    String handle = polls.open(new SecureRandom(), store.now(), expires);
    BrowserPolls.Poll poll = polls.read(handle);
    assertEquals(BrowserPolls.PENDING, poll.state());
    assertFalse(poll.ready(store.now()));
    assertTrue(poll.ready(expires));
  }

  @Test
  void malformedHandlesReadAsUnknown() {
    assertNull(polls.read(null));
    assertNull(polls.read("../x"));
    assertNull(polls.read("a b"));
  }
}
