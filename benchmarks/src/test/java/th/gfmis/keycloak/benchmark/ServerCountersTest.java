package th.gfmis.keycloak.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerCountersTest {

  private static final String METRICS =
      """
      # HELP process_cpu_time_ns_total The "cpu time" used by the Java Virtual Machine process
      process_cpu_time_ns_total 1.5E9
      vendor_statistics_stores{cache="actionTokens",cache_manager="keycloak",node="n1"} 12.0
      vendor_statistics_remove_hits{cache="actionTokens",cache_manager="keycloak",node="n1"} 3.0
      vendor_statistics_remove_misses{cache="actionTokens",cache_manager="keycloak",node="n1"} 1.0
      vendor_statistics_stores{cache="sessions",cache_manager="keycloak",node="n1"} 2.0
      vendor_statistics_store_times_seconds_count{cache="sessions",cache_manager="keycloak",node="n1"} 2.0
      vendor_statistics_remove_hit_primary_owner_total{cache="sessions",cache_manager="keycloak",node="n1"} 9.0
      vendor_statistics_stores{cache_manager="keycloak",node="n1"} 100.0
      """;

  @Test
  void writesAreStoresAndRemovalsByCacheAndNothingElse() {
    assertEquals(
        Map.of("actionTokens", 16.0, "sessions", 2.0), ServerCounters.writesByCache(METRICS));
  }

  @Test
  void theWritesBetweenTwoReadingsAreTheirDifferenceByCache() {
    ServerCounters.Reading before = new ServerCounters.Reading(0, Map.of("actionTokens", 4.0));
    ServerCounters.Reading after =
        new ServerCounters.Reading(0, Map.of("actionTokens", 15.0, "sessions", 1.0));
    assertEquals(Map.of("actionTokens", 11.0, "sessions", 1.0), after.writesSince(before));
  }

  @Test
  void processorTimeIsReadAndItsAbsenceExplained() {
    assertEquals(1.5e9, ServerCounters.parse(URI.create("http://n1/metrics"), 200, METRICS));
    IllegalStateException missing =
        assertThrows(
            IllegalStateException.class,
            () -> ServerCounters.parse(URI.create("http://n1/metrics"), 200, "up 1"));
    assertTrue(missing.getMessage().contains("--metrics-enabled=true"));
  }
}
