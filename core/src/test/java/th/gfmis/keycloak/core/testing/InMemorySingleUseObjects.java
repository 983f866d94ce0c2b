package th.gfmis.keycloak.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Keycloak's single-use object store in memory, for unit tests: the same atomic operations as the
 * Infinispan store ({@code putIfAbsent} and {@code remove} succeed for exactly one caller, entries
 * expire after their lifespan), on a clock the test moves. Unlike the server's store, {@code put}
 * takes effect at once instead of at the end of the request. It counts the writes: in a cluster,
 * each one goes to the other nodes, while a read does not.
 */
public final class InMemorySingleUseObjects implements SingleUseObjectProvider {

  private record Entry(Map<String, String> notes, Instant expires) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicReference<Instant> clock;
  private final AtomicInteger writes = new AtomicInteger();

  public InMemorySingleUseObjects(Instant start) {
    this.clock = new AtomicReference<>(start);
  }

  public Instant now() {
    return clock.get();
  }

  public void advance(Duration duration) {
    clock.updateAndGet(t -> t.plus(duration));
  }

  /** Calls of put, putIfAbsent, replace and remove so far, whatever they found. */
  public int writes() {
    return writes.get();
  }

  /** Entries that have not expired. */
  public int size() {
    return (int) entries.values().stream().filter(this::alive).count();
  }

  @Override
  public void put(String key, long lifespanSeconds, Map<String, String> notes) {
    writes.incrementAndGet();
    entries.put(key, new Entry(Map.copyOf(notes), now().plusSeconds(lifespanSeconds)));
  }

  @Override
  public Map<String, String> get(String key) {
    Entry entry = entries.get(key);
    return entry != null && alive(entry) ? entry.notes() : null;
  }

  @Override
  public Map<String, String> remove(String key) {
    writes.incrementAndGet();
    Entry[] removed = new Entry[1];
    entries.computeIfPresent(
        key,
        (k, entry) -> {
          removed[0] = entry;
          return null;
        });
    return removed[0] != null && alive(removed[0]) ? removed[0].notes() : null;
  }

  @Override
  public boolean replace(String key, Map<String, String> notes) {
    writes.incrementAndGet();
    boolean[] replaced = new boolean[1];
    entries.computeIfPresent(
        key,
        (k, entry) -> {
          if (!alive(entry)) {
            return null;
          }
          replaced[0] = true;
          return new Entry(Map.copyOf(notes), entry.expires());
        });
    return replaced[0];
  }

  @Override
  public boolean putIfAbsent(String key, long lifespanInSeconds) {
    writes.incrementAndGet();
    boolean[] added = new boolean[1];
    entries.compute(
        key,
        (k, entry) -> {
          if (entry != null && alive(entry)) {
            return entry;
          }
          added[0] = true;
          return new Entry(Map.of(), now().plusSeconds(lifespanInSeconds));
        });
    return added[0];
  }

  @Override
  public boolean contains(String key) {
    return get(key) != null;
  }

  @Override
  public void close() {}

  private boolean alive(Entry entry) {
    return now().isBefore(entry.expires());
  }
}
