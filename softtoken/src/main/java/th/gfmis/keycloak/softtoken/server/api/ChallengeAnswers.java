package th.gfmis.keycloak.softtoken.server.api;

import java.time.Duration;
import java.time.Instant;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.core.throttle.AddressLockout;
import th.gfmis.keycloak.softtoken.protocol.ChallengeResponseResult;
import th.gfmis.keycloak.softtoken.protocol.ChallengeResponses;
import th.gfmis.keycloak.softtoken.protocol.Decision;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenError;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenDevices;
import th.gfmis.keycloak.softtoken.server.login.ChallengeOutcome;
import th.gfmis.keycloak.softtoken.server.state.BrowserPolls;
import th.gfmis.keycloak.softtoken.server.state.Challenges;
import th.gfmis.keycloak.softtoken.server.state.SoftTokenLockout;

/**
 * {@code POST challenges/{id}/response}: checks the signed answer ({@link
 * ChallengeResponses#verify}) against the stored challenge and the challenge user's current device,
 * consumes the challenge atomically, and records the outcome for the browser. Denials and wrong
 * numbers count towards the lockout of the client address that started the sign-in; a denial also
 * warns the holder by e-mail that someone has the password ({@link DenialWarning}).
 */
final class ChallengeAnswers {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final Duration iatSkew;

  ChallengeAnswers(KeycloakSession session, RealmModel realm, Duration iatSkew) {
    this.session = session;
    this.realm = realm;
    this.iatSkew = iatSkew;
  }

  ChallengeResponseResult answer(String id, String response, Instant now)
      throws SoftTokenProtocolException {
    Challenges challenges = Challenges.of(session, realm);
    Challenges.Challenge challenge = challenges.get(id);
    if (challenge == null) {
      if (id != null && challenges.isAnswered(id)) {
        throw error(SoftTokenError.REPLAYED, "This challenge was already answered.");
      }
      throw error(SoftTokenError.CHALLENGE_NOT_FOUND, null);
    }
    UserModel user = session.users().getUserById(realm, challenge.userId());
    if (user == null) {
      throw error(SoftTokenError.CHALLENGE_NOT_FOUND, null);
    }
    ChallengeResponses.ExpectedChallenge expected =
        new ChallengeResponses.ExpectedChallenge(
            challenge.summary().id(),
            challenge.summary().nonce(),
            challenge.displayed(),
            challenge.summary().expiresAt());
    BrowserPolls polls = new BrowserPolls(session.singleUseObjects());
    AddressLockout lockout = SoftTokenLockout.of(session.singleUseObjects(), realm);
    ChallengeResponses.Verified verified;
    try {
      verified =
          ChallengeResponses.verify(
              response,
              expected,
              now,
              iatSkew,
              new SoftTokenDevices(session, realm).resolverFor(user));
    } catch (SoftTokenProtocolException e) {
      if (e.error() == SoftTokenError.WRONG_NUMBER) {
        // One chance: a wrong pick burns the challenge and the browser's sign-in.
        if (!challenges.consume(challenge, now)) {
          throw error(SoftTokenError.REPLAYED, "This challenge was already answered.");
        }
        lockout.recordFailure(
            user.getId(),
            challenge.summary().ipAddress(),
            challenge.maxFailures(),
            challenge.failureWindow(),
            now);
        polls.complete(challenge.pollHandle(), ChallengeOutcome.WRONG_NUMBER.wire(), null, now);
      } else if (e.error() == SoftTokenError.CHALLENGE_EXPIRED) {
        // An answered challenge already has its outcome, which this leaves as it is.
        polls.complete(challenge.pollHandle(), ChallengeOutcome.EXPIRED.wire(), null, now);
      }
      throw e;
    }
    if (!challenges.consume(challenge, now)) {
      throw error(SoftTokenError.REPLAYED, "This challenge was already answered.");
    }
    if (verified.decision() == Decision.APPROVE) {
      polls.complete(challenge.pollHandle(), ChallengeOutcome.APPROVED.wire(), verified.kid(), now);
    } else {
      lockout.recordFailure(
          user.getId(),
          challenge.summary().ipAddress(),
          challenge.maxFailures(),
          challenge.failureWindow(),
          now);
      polls.complete(challenge.pollHandle(), ChallengeOutcome.DENIED.wire(), null, now);
      new DenialWarning(session, realm).send(user, challenge.summary(), now);
    }
    return ChallengeResponseResult.of(verified.decision());
  }

  private static SoftTokenProtocolException error(SoftTokenError error, String description) {
    return new SoftTokenProtocolException(
        error, description == null ? error.defaultDescription() : description);
  }
}
