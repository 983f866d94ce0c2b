package th.gfmis.keycloak.softtoken.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Answers to login challenges: a compact JWS (typ {@code gfmis-challenge-response+jwt}) over {@link
 * ChallengeResponseClaims}, posted as {@link ChallengeResponseRequest} to {@code
 * challenges/{id}/response}.
 */
public final class ChallengeResponses {

  private ChallengeResponses() {}

  /**
   * Server side: a new challenge nonce (32 random bytes, base64url).
   *
   * @param random a {@link SecureRandom}
   * @return the nonce
   */
  public static String newNonce(SecureRandom random) {
    return Base64Urls.random(random, SoftTokenProtocol.NONCE_BYTES);
  }

  /**
   * Device side: signs the holder's decision.
   *
   * @param challenge the pending challenge
   * @param decision approve or deny
   * @param number the number the holder picked (required to approve; may be null to deny)
   * @param kid the device certificate serial
   * @param key the device's private key
   * @param now the current time
   * @return the compact JWS
   */
  public static String sign(
      PendingChallenge challenge,
      Decision decision,
      Integer number,
      String kid,
      PrivateKey key,
      Instant now) {
    if (decision == Decision.APPROVE && number == null) {
      throw new IllegalArgumentException("approving needs the number shown in the browser");
    }
    ChallengeResponseClaims claims =
        new ChallengeResponseClaims(
            challenge.id(), challenge.nonce(), decision.wire(), number, now.getEpochSecond());
    return Es256Jws.signJson(SoftTokenProtocol.TYP_CHALLENGE_RESPONSE, kid, claims, key);
  }

  /**
   * Server side: checks a response, in this order: JWS form, alg ES256 exactly, typ, kid; the
   * certificate (the resolver must accept only the challenge user's current, unrevoked device; then
   * validity dates and key type); the signature; the claims (challengeId and nonce equal the
   * challenge's, |now - iat| &lt;= skew, decision); the challenge not expired; on approve, the
   * number equals the displayed one. The caller must then consume the challenge atomically (a
   * second answer is {@code replayed}); after {@code wrong_number} it should consume it too.
   *
   * @param compact the JWS from {@link ChallengeResponseRequest#response()}
   * @param expected the stored challenge
   * @param now the current time
   * @param skew the allowed |now - iat|
   * @param resolver finds the device certificate by kid
   * @return the verified decision
   * @throws SoftTokenProtocolException {@code invalid_request}, {@code unsupported_algorithm},
   *     {@code unknown_certificate}, {@code certificate_revoked}, {@code certificate_expired},
   *     {@code invalid_signature}, {@code challenge_expired}, {@code wrong_number}
   */
  public static Verified verify(
      String compact,
      ExpectedChallenge expected,
      Instant now,
      Duration skew,
      CertificateResolver resolver)
      throws SoftTokenProtocolException {
    Es256Jws.Parsed jws = Es256Jws.parse(compact, SoftTokenProtocol.TYP_CHALLENGE_RESPONSE);
    X509Certificate certificate = DeviceAuth.resolve(resolver, jws.kid(), now);
    jws.verify(certificate.getPublicKey());

    ChallengeResponseClaims claims = jws.claims(ChallengeResponseClaims.class);
    if (!expected.id().equals(claims.challengeId())) {
      throw Checks.invalid("challengeId does not match the challenge.");
    }
    if (claims.nonce() == null
        || !MessageDigest.isEqual(
            expected.nonce().getBytes(StandardCharsets.US_ASCII),
            claims.nonce().getBytes(StandardCharsets.US_ASCII))) {
      throw Checks.invalid("nonce does not match the challenge.");
    }
    try {
      DeviceAuth.checkIat(claims.iat(), now, skew);
    } catch (SoftTokenProtocolException e) {
      throw Checks.invalid(e.getMessage());
    }
    Decision decision =
        Decision.fromWire(claims.decision())
            .orElseThrow(() -> Checks.invalid("decision must be approve or deny."));
    if (!now.isBefore(expected.expiresAt())) {
      throw new SoftTokenProtocolException(
          SoftTokenError.CHALLENGE_EXPIRED, SoftTokenError.CHALLENGE_EXPIRED.defaultDescription());
    }
    if (decision == Decision.APPROVE) {
      if (claims.number() == null) {
        throw Checks.invalid("number is required to approve.");
      }
      if (claims.number() != expected.displayedNumber()) {
        throw new SoftTokenProtocolException(
            SoftTokenError.WRONG_NUMBER, SoftTokenError.WRONG_NUMBER.defaultDescription());
      }
    }
    return new Verified(jws.kid(), certificate, decision, claims);
  }

  /**
   * What the server stored when it created the challenge.
   *
   * @param id the challenge id
   * @param nonce the challenge nonce
   * @param displayedNumber the number the browser shows
   * @param expiresAt when the challenge expires
   */
  public record ExpectedChallenge(String id, String nonce, int displayedNumber, Instant expiresAt) {
    /** Requires every member. */
    public ExpectedChallenge {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(nonce, "nonce");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  /**
   * A verified response.
   *
   * @param kid the device certificate serial
   * @param certificate the device certificate
   * @param decision approve or deny
   * @param claims the verified claims
   */
  public record Verified(
      String kid, X509Certificate certificate, Decision decision, ChallengeResponseClaims claims) {

    /**
     * The key under which the server remembers the consumed nonce.
     *
     * @return {@code gfmis-softtoken-nonce:<nonce>}
     */
    public String replayKey() {
      return SoftTokenProtocol.PROVIDER_ID + "-nonce:" + claims.nonce();
    }
  }
}
