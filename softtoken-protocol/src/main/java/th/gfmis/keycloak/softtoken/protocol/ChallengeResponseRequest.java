package th.gfmis.keycloak.softtoken.protocol;

/**
 * Body of {@code POST challenges/{id}/response} ({@code Content-Type: application/json}).
 *
 * @param response the compact JWS, typ {@code gfmis-challenge-response+jwt}
 */
public record ChallengeResponseRequest(String response) {

  /**
   * Checks that the response is present and not absurdly long.
   *
   * @throws SoftTokenProtocolException {@code invalid_request}
   */
  public void validate() throws SoftTokenProtocolException {
    Checks.requireText(response, "response", SoftTokenProtocol.MAX_REQUEST_BODY_BYTES);
  }
}
