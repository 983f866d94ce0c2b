package th.gfmis.keycloak.core.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small, bounded, least-recently-used memo of facts that never change once known (a stored
 * certificate's parsed form, which user a certificate serial was issued to), kept on this node
 * only. Only for values that every node would compute the same and that stay true: anything that
 * can change or must hold across the cluster belongs in the single-use store or the database.
 *
 * @param <K> the key
 * @param <V> the remembered value
 */
public final class NodeMemo<K, V> {

  private final Map<K, V> entries;

  /**
   * @param capacity how many entries to keep; the least recently used goes first
   */
  public NodeMemo(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The remembered value, or null. */
  public synchronized V get(K key) {
    return entries.get(key);
  }

  public synchronized void put(K key, V value) {
    entries.put(key, value);
  }

  /** Forgets {@code key} when it is still remembered as {@code value}. */
  public synchronized void forget(K key, V value) {
    entries.remove(key, value);
  }

  synchronized int size() {
    return entries.size();
  }
}
