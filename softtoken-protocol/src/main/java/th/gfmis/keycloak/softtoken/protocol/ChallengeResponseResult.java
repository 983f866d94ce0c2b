package th.gfmis.keycloak.softtoken.protocol;

/**
 * Body of the 200 answer to {@code POST challenges/{id}/response}.
 *
 * @param status {@code approved} or {@code denied}
 */
public record ChallengeResponseResult(String status) {

  /**
   * The answer for a decision.
   *
   * @param decision the accepted decision
   * @return {@code approved} or {@code denied}
   */
  public static ChallengeResponseResult of(Decision decision) {
    return new ChallengeResponseResult(
        decision == Decision.APPROVE
            ? SoftTokenProtocol.STATUS_APPROVED
            : SoftTokenProtocol.STATUS_DENIED);
  }
}
