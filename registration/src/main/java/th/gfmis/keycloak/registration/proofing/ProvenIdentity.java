package th.gfmis.keycloak.registration.proofing;

import java.util.Optional;
import th.gfmis.keycloak.domain.CitizenId;

/**
 * Who the proofing service says the person is. Held in memory only, for the length of one request:
 * the citizen ID is compared and hashed, never stored or logged in full ({@link #toString()} masks
 * it).
 *
 * @param citizenId the proven CID (ThaID's {@code pid})
 * @param nameTh the full name in Thai
 * @param nameEn the full name in English, when given
 * @param identityAssuranceLevel the {@code ial} claim
 */
public record ProvenIdentity(
    CitizenId citizenId, String nameTh, Optional<String> nameEn, String identityAssuranceLevel) {

  @Override
  public String toString() {
    return "ProvenIdentity[citizenId=*********"
        + citizenId.lastFour()
        + ", ial="
        + identityAssuranceLevel
        + "]";
  }
}
