package th.gfmis.keycloak.load;

import java.util.ArrayList;
import java.util.List;
import th.gfmis.keycloak.benchmark.ServerCounters;

/**
 * Reads the servers' processor time once a second while the load runs, so that the processor time
 * spent in any window of the run (a kind's plateau) can be told afterwards.
 */
final class CpuSampler {

  private record Reading(long atNanos, double cpuNanos) {}

  private final ServerCounters cpu;
  private final List<Reading> readings = new ArrayList<>();
  private Thread thread;

  CpuSampler(ServerCounters cpu) {
    this.cpu = cpu;
  }

  boolean enabled() {
    return cpu.enabled();
  }

  void start() {
    if (!cpu.enabled()) {
      return;
    }
    thread =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  double nanos = cpu.nanos();
                  synchronized (readings) {
                    readings.add(new Reading(System.nanoTime(), nanos));
                  }
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  return;
                } catch (Exception e) {
                  System.err.println("cannot read the servers' processor time: " + e);
                  return;
                }
              }
            },
            "server-cpu-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  void stop() {
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** The servers' processor nanoseconds between two moments (nearest readings), or NaN. */
  double spentBetween(long fromNanos, long toNanos) {
    synchronized (readings) {
      Reading from = nearest(fromNanos);
      Reading to = nearest(toNanos);
      if (from == null || to == null || to.atNanos() <= from.atNanos()) {
        return Double.NaN;
      }
      // Scaled to the window asked for: readings are a second apart.
      return (to.cpuNanos() - from.cpuNanos())
          * (toNanos - fromNanos)
          / (double) (to.atNanos() - from.atNanos());
    }
  }

  private Reading nearest(long atNanos) {
    Reading best = null;
    for (Reading reading : readings) {
      if (best == null
          || Math.abs(reading.atNanos() - atNanos) < Math.abs(best.atNanos() - atNanos)) {
        best = reading;
      }
    }
    return best;
  }
}
