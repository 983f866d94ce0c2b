package th.gfmis.keycloak.registration;

import java.util.Optional;

/**
 * What the holder submits, after identity proofing.
 *
 * @param kind decided from the proven CID and the user's binding
 * @param citizenIdHash the proven CID's keyed hash ({@code CitizenIdStore#hashOf})
 * @param citizenIdLastFour its last four digits
 * @param provenNameTh the proven name in Thai
 * @param provenNameEn the proven name in English, if the proofing gave one
 * @param identityAssuranceLevel the proofing's {@code ial}
 * @param email the e-mail address confirmed by OTP, once confirmed
 * @param order the assignment order: kept, or refused with a reason
 */
public record Submission(
    RegistrationKind kind,
    String citizenIdHash,
    String citizenIdLastFour,
    String provenNameTh,
    Optional<String> provenNameEn,
    String identityAssuranceLevel,
    Optional<String> email,
    OrderAttachment order) {

  /** The assignment order as it reached the server. */
  public sealed interface OrderAttachment {}

  /** A file that passed the checks: kept with the registration. */
  public record Attached(OrderFile file, byte[] content) implements OrderAttachment {}

  /** A file that was refused before it was stored; {@code reasonKey} is a message key. */
  public record Refused(String reasonKey) implements OrderAttachment {}
}
