package th.gfmis.keycloak.softtoken.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/**
 * The plaintext of a Web Push about a new challenge (§14.2): the challenge id and, when the message
 * fits, the challenge itself exactly as {@code GET challenges} lists it for the device, so that the
 * device can answer without listing. Web Push encrypts it end to end to the device's subscription
 * key (RFC 8291); the push service sees none of it.
 *
 * <p>Answering from a pushed challenge is as safe as from a listed one: it is what the device may
 * list anyway, the device still signs the challenge's nonce with its key, and the server checks the
 * answer the same way (known, unanswered, unexpired challenge of the device's user; single-use
 * nonce). A push that is forged, replayed or late therefore approves nothing.
 *
 * @param challengeId the challenge's id (always present; older apps read only this)
 * @param challenge the challenge as listed, or absent when the message would be too big
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChallengePush(String challengeId, PendingChallenge challenge) {

  /**
   * The largest body a push service must accept is 4096 bytes (RFC 8030 §7.2); RFC 8291 takes 86
   * bytes of header (salt, record size, sender key), 1 padding delimiter and a 16-byte tag.
   */
  public static final int MAX_PLAINTEXT_BYTES = 4096 - 86 - 1 - 16;

  /**
   * The message for a new challenge: with the challenge, or only its id when that would exceed
   * {@link #MAX_PLAINTEXT_BYTES} (e.g. a very long client name).
   *
   * @param listed the challenge as {@code GET challenges} lists it
   * @return UTF-8 JSON, at most {@link #MAX_PLAINTEXT_BYTES}
   */
  public static byte[] plaintext(PendingChallenge listed) {
    byte[] full = SoftTokenJson.writeBytes(new ChallengePush(listed.id(), listed));
    return full.length <= MAX_PLAINTEXT_BYTES
        ? full
        : SoftTokenJson.writeBytes(new ChallengePush(listed.id(), null));
  }

  /**
   * Reads a decrypted push message (a device's side).
   *
   * @param plaintext the decrypted message
   * @return the message; {@link #listedChallenge()} tells whether it carries a usable challenge
   * @throws SoftTokenProtocolException {@code invalid_request} when it is no such message
   */
  public static ChallengePush read(byte[] plaintext) throws SoftTokenProtocolException {
    ChallengePush message = SoftTokenJson.read(plaintext, ChallengePush.class);
    if (!encodes(message.challengeId(), SoftTokenProtocol.CHALLENGE_ID_BYTES)) {
      throw Checks.invalid("challengeId is not a challenge id.");
    }
    return message;
  }

  /**
   * The pushed challenge when it is complete and about {@link #challengeId()}; otherwise the device
   * lists ({@code GET challenges}) as before.
   *
   * @return the challenge to show and answer, or empty
   */
  public Optional<PendingChallenge> listedChallenge() {
    PendingChallenge c = challenge;
    if (c == null
        || !challengeId.equals(c.id())
        || !encodes(c.nonce(), SoftTokenProtocol.NONCE_BYTES)
        || c.createdAt() == null
        || c.expiresAt() == null) {
      return Optional.empty();
    }
    return Optional.of(c);
  }

  private static boolean encodes(String text, int byteCount) {
    try {
      return text != null && Base64Urls.decode(text).length == byteCount;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
