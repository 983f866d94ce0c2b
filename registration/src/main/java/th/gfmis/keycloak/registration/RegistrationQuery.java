package th.gfmis.keycloak.registration;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A search of the approval queue; every filter is optional and they combine with "and".
 *
 * @param statuses the statuses to include (empty: all)
 * @param holderChangeOnly only {@link RegistrationKind#HOLDER_CHANGE}
 * @param userIdPrefix a prefix of the user ID (the agency part), case-insensitive
 * @param submittedFrom submitted at or after
 * @param submittedBefore submitted before
 * @param text a user ID (whole or prefix, case-insensitive) or the CID's last four digits
 * @param after start after this place in the queue (seek paging), instead of an offset
 * @param first the offset of the page
 * @param max the page's size
 */
public record RegistrationQuery(
    Set<RegistrationStatus> statuses,
    boolean holderChangeOnly,
    Optional<String> userIdPrefix,
    Optional<Instant> submittedFrom,
    Optional<Instant> submittedBefore,
    Optional<String> text,
    Optional<QueuePosition> after,
    int first,
    int max) {

  /**
   * Matches are counted up to this many: beyond it an exact total costs a walk over every matching
   * index entry on each page and tells an approver nothing more.
   */
  public static final int COUNT_LIMIT = 10_000;
}
