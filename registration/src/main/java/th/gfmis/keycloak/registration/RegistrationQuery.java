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
    int first,
    int max) {}
