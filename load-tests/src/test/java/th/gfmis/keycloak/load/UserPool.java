package th.gfmis.keycloak.load;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The load test's users, each lent to one sign-in at a time and at most {@code usesPerUser} times
 * in all (the Soft Token step's per-user throttle, which the test must not trip).
 */
final class UserPool implements Lender {

  private final Deque<String> idle = new ArrayDeque<>();
  private final Map<String, Integer> uses = new HashMap<>();
  private final int usesPerUser;
  private int refused;

  UserPool(List<String> usernames, int usesPerUser) {
    idle.addAll(usernames);
    this.usesPerUser = usesPerUser;
  }

  /** A user for one sign-in, or null when every user is busy or used up. */
  @Override
  public synchronized String take() {
    String username = idle.pollFirst();
    if (username != null) {
      uses.merge(username, 1, Integer::sum);
    } else {
      refused++;
    }
    return username;
  }

  /** How many sign-ins found no user (all busy or used up): then the load was less than asked. */
  synchronized int refused() {
    return refused;
  }

  /** Gives the user back, unless it has had all its sign-ins. */
  @Override
  public synchronized void release(String username) {
    if (username != null && uses.getOrDefault(username, 0) < usesPerUser) {
      idle.addLast(username);
    }
  }
}
