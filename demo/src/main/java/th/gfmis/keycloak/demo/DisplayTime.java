package th.gfmis.keycloak.demo;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the demo shows them: ISO date and time, and the Thai Buddhist-era date (พ.ศ.). */
final class DisplayTime {
  private static final Locale THAI = Locale.forLanguageTag("th-TH");
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
  private static final DateTimeFormatter BUDDHIST_ERA =
      DateTimeFormatter.ofPattern("d MMM yyyy", THAI)
          .withChronology(ThaiBuddhistChronology.INSTANCE);

  private final ZoneId zone;

  DisplayTime(ZoneId zone) {
    this.zone = zone;
  }

  /** For example {@code 2025-11-26 01:26:00 +07:00 (26 พ.ย. 2568)}. */
  String format(Instant instant) {
    ZonedDateTime local = instant.atZone(zone);
    return ISO.format(local) + " (" + BUDDHIST_ERA.format(local) + ")";
  }
}
