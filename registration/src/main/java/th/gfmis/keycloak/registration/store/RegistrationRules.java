package th.gfmis.keycloak.registration.store;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import th.gfmis.keycloak.registration.RegistrationStatus;
import th.gfmis.keycloak.registration.Submission;

/** The store's pure rules: which change a status allows, and how a queue search reads. */
final class RegistrationRules {

  private static final Pattern LAST_FOUR = Pattern.compile("\\d{4}");
  private static final int MAX_REASON = 2000;

  private RegistrationRules() {}

  /** The status a (re)submission lands in: {@code NEW} when its order was refused. */
  static RegistrationStatus statusOf(Submission submission) {
    return submission.order() instanceof Submission.Refused
        ? RegistrationStatus.NEW
        : RegistrationStatus.REQUEST;
  }

  /** The statuses the holder may fix and resubmit from. */
  static Set<RegistrationStatus> resubmittable() {
    return EnumSet.of(RegistrationStatus.NEW, RegistrationStatus.REJECT);
  }

  /**
   * Checks a decision before it touches the database.
   *
   * @return the reason to keep (stripped), empty for an approval
   * @throws IllegalArgumentException for a decision other than approve / reject, or a rejection
   *     without a reason
   */
  static Optional<String> checkDecision(RegistrationStatus decision, Optional<String> reason) {
    if (decision == RegistrationStatus.APPROVED) {
      return Optional.empty();
    }
    if (decision != RegistrationStatus.REJECT) {
      throw new IllegalArgumentException("A decision approves or rejects");
    }
    String stripped = reason.map(String::strip).orElse("");
    if (stripped.isEmpty()) {
      throw new IllegalArgumentException("A rejection needs a reason");
    }
    if (stripped.length() > MAX_REASON) {
      throw new IllegalArgumentException("The reason is longer than " + MAX_REASON);
    }
    return Optional.of(stripped);
  }

  /** The value of the open-registration column: the user's id while open, else null. */
  static String openUserId(RegistrationStatus status, String userId) {
    return status.isOpen() ? userId : null;
  }

  /** A user-ID prefix as a LIKE pattern on the lower-case username ({@code !} escapes). */
  static String prefixPattern(String prefix) {
    String lower = prefix.strip().toLowerCase(Locale.ROOT);
    StringBuilder pattern = new StringBuilder(lower.length() + 1);
    for (char c : lower.toCharArray()) {
      if (c == '%' || c == '_' || c == '!') {
        pattern.append('!');
      }
      pattern.append(c);
    }
    return pattern.append('%').toString();
  }

  /** Whether a search text can be the CID's last four digits. */
  static boolean isLastFour(String text) {
    return LAST_FOUR.matcher(text.strip()).matches();
  }
}
