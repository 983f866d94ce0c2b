package th.gfmis.keycloak.demo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything the demo started, stopped once and in reverse order: by the JVM shutdown hook on
 * Ctrl-C, or when the launcher exits because Keycloak stopped.
 */
final class ShutdownSequence implements Runnable {
  private final Deque<Step> steps = new ArrayDeque<>();
  private final AtomicBoolean started = new AtomicBoolean();

  private record Step(String name, AutoCloseable resource) {}

  synchronized void add(String name, AutoCloseable resource) {
    steps.push(new Step(name, resource));
  }

  boolean started() {
    return started.get();
  }

  @Override
  public void run() {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    Deque<Step> todo;
    synchronized (this) {
      todo = new ArrayDeque<>(steps);
    }
    System.out.println();
    for (Step step : todo) {
      System.out.println("Stopping " + step.name() + " ...");
      try {
        step.resource().close();
      } catch (Exception e) {
        System.err.println("  could not stop " + step.name() + ": " + e);
      }
    }
    System.out.println("GFMIS demo stopped.");
  }
}
