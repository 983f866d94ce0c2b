package th.gfmis.keycloak.softtoken.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of the challenge response JWS (typ {@code gfmis-challenge-response+jwt}).
 *
 * @param challengeId the challenge id
 * @param nonce the challenge nonce, echoed
 * @param decision {@code approve} or {@code deny}
 * @param number the number the holder chose; required to approve, may be absent to deny
 * @param iat issued-at, seconds since the epoch
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChallengeResponseClaims(
    String challengeId, String nonce, String decision, Integer number, Long iat) {}
