package th.gfmis.keycloak.load;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import th.gfmis.keycloak.benchmark.ServerCounters;

/**
 * Reads the servers' processor time (when their metrics addresses are known) and this load
 * generator's own once a second while the load runs, so that the processor time spent in any window
 * of the run (a kind's plateau) can be told afterwards. On one machine the generator's share is
 * what the servers could not use: a kind that costs the generator more gets fewer sign-ins through
 * even when it costs the servers the same.
 */
final class CpuSampler {

  private record Reading(long atNanos, double serverNanos, double generatorNanos) {}

  private static final OperatingSystemMXBean GENERATOR =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final ServerCounters cpu;
  private final List<Reading> readings = new ArrayList<>();
  private Thread thread;

  CpuSampler(ServerCounters cpu) {
    this.cpu = cpu;
  }

  void start() {
    thread =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  double server = cpu.enabled() ? cpu.nanos() : Double.NaN;
                  double generator = GENERATOR.getProcessCpuTime();
                  synchronized (readings) {
                    readings.add(new Reading(System.nanoTime(), server, generator));
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
  double serversSpentBetween(long fromNanos, long toNanos) {
    return spentBetween(fromNanos, toNanos, Reading::serverNanos);
  }

  /** This load generator's processor nanoseconds between two moments, or NaN. */
  double generatorSpentBetween(long fromNanos, long toNanos) {
    return spentBetween(fromNanos, toNanos, Reading::generatorNanos);
  }

  private double spentBetween(long fromNanos, long toNanos, ToDoubleFunction<Reading> counter) {
    synchronized (readings) {
      Reading from = nearest(fromNanos);
      Reading to = nearest(toNanos);
      if (from == null || to == null || to.atNanos() <= from.atNanos()) {
        return Double.NaN;
      }
      // Scaled to the window asked for: readings are a second apart.
      return (counter.applyAsDouble(to) - counter.applyAsDouble(from))
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
