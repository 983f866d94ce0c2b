package th.gfmis.keycloak.registration;

import java.util.List;
import java.util.Optional;

/**
 * One page of a {@link RegistrationQuery}.
 *
 * @param items the page
 * @param total the number of all matches, counted up to {@link RegistrationQuery#COUNT_LIMIT}
 * @param totalExact false when there are more matches than {@code total}
 * @param next where the following page starts, empty on the last page
 */
public record RegistrationPage(
    List<Registration> items, long total, boolean totalExact, Optional<QueuePosition> next) {}
