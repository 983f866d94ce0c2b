package th.gfmis.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DisplayTimeTest {

  @Test
  void showsIsoTimeAndTheBuddhistEraDate() {
    DisplayTime bangkok = new DisplayTime(ZoneId.of("Asia/Bangkok"));
    // 2025-12-31T17:30:00Z is already 1 January 2026 in Bangkok, year 2569 of the Buddhist era.
    assertEquals(
        "2026-01-01 00:30:00 +07:00 (1 ม.ค. 2569)",
        bangkok.format(Instant.parse("2025-12-31T17:30:00Z")));
  }
}
