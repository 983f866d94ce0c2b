package th.gfmis.keycloak.registration;

import java.time.Instant;
import java.util.Optional;

/**
 * One registration as stored. The citizen ID is never here in full: only its keyed hash (in the
 * {@code kid:hash} form of the CID store) and its last four digits.
 *
 * @param id the registration's id (a UUID string)
 * @param realmId the realm's id
 * @param userId the Keycloak user's id the registration is for
 * @param username the user ID as Keycloak keeps it (lower case); shown upper case
 * @param kind why it was made
 * @param status where it stands
 * @param statusReason for {@link RegistrationStatus#NEW} a message key saying why the file was
 *     refused; for {@link RegistrationStatus#REJECT} the approver's words; otherwise empty
 * @param citizenIdHash the proven CID's keyed hash, {@code kid:hash}
 * @param citizenIdLastFour the proven CID's last four digits
 * @param email the e-mail address the holder confirmed by OTP (empty until confirmed)
 * @param provenNameTh the name ThaID proved, in Thai
 * @param provenNameEn the name ThaID proved, in English (may be empty)
 * @param identityAssuranceLevel ThaID's {@code ial}
 * @param order the assignment order's description, when one is kept
 * @param createdAt when it was first stored
 * @param submittedAt when it was last submitted for approval (empty while {@code NEW})
 * @param decidedAt when the last decision was taken
 * @param decidedBy the id of the admin user who took the last decision (empty for none or for an
 *     automatic one)
 * @param version incremented on every change; a decision names the version it decides
 */
public record Registration(
    String id,
    String realmId,
    String userId,
    String username,
    RegistrationKind kind,
    RegistrationStatus status,
    Optional<String> statusReason,
    String citizenIdHash,
    String citizenIdLastFour,
    Optional<String> email,
    String provenNameTh,
    Optional<String> provenNameEn,
    String identityAssuranceLevel,
    Optional<OrderFile> order,
    Instant createdAt,
    Optional<Instant> submittedAt,
    Optional<Instant> decidedAt,
    Optional<String> decidedBy,
    long version) {

  /** The user ID in its GFMIS form: upper case. */
  public String displayUserId() {
    return username.toUpperCase(java.util.Locale.ROOT);
  }
}
