package th.gfmis.keycloak.softtoken.protocol;

import java.util.List;

/**
 * Body of the 200 answer to {@code GET challenges}: at most one live challenge per user; empty list
 * when none.
 *
 * @param challenges the live challenges
 */
public record PendingChallenges(List<PendingChallenge> challenges) {

  /**
   * The challenges, never null.
   *
   * @return the list
   */
  public List<PendingChallenge> challengesOrEmpty() {
    return challenges == null ? List.of() : challenges;
  }
}
