package th.gfmis.keycloak.registration;

import java.util.Map;

/**
 * The queue's counts, read in one grouped query.
 *
 * @param byStatus every status, zero included
 * @param openHolderChanges holder changes not yet approved
 */
public record RegistrationCounts(Map<RegistrationStatus, Long> byStatus, long openHolderChanges) {}
