package th.gfmis.keycloak.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Date-times for people: the Buddhist era (พ.ศ. = ค.ศ. + 543) in Thai, the Gregorian calendar in
 * other languages, always in the given zone (Asia/Bangkok for GFMIS users).
 */
public final class ThaiDates {

  public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

  private static final DateTimeFormatter THAI =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'น.'", Locale.forLanguageTag("th-TH"))
          .withChronology(ThaiBuddhistChronology.INSTANCE);
  private static final DateTimeFormatter OTHER =
      DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

  private ThaiDates() {}

  public static String format(Instant instant, Locale locale, ZoneId zone) {
    DateTimeFormatter formatter = "th".equals(locale.getLanguage()) ? THAI : OTHER;
    return formatter.withZone(zone).format(instant);
  }
}
