package th.gfmis.keycloak.registration;

import java.time.Instant;
import java.util.Optional;

/**
 * One change of a registration's status.
 *
 * @param at when
 * @param status the status it moved to
 * @param actor who moved it
 * @param actorId the admin user's id for {@link Actor#APPROVER}, else empty
 * @param reason the reason given (a refused file's message key, or the approver's words)
 */
public record HistoryEntry(
    Instant at,
    RegistrationStatus status,
    Actor actor,
    Optional<String> actorId,
    Optional<String> reason) {

  public enum Actor {
    HOLDER,
    APPROVER,
    SYSTEM
  }
}
