package th.gfmis.keycloak.softtoken.server.state;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import th.gfmis.keycloak.softtoken.protocol.Base64Urls;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;

/**
 * A challenge's id names the pending slot that holds the challenge, so that the challenge needs no
 * entry of its own (one write fewer to every node per sign-in): 8 bytes that name the user's slots
 * without naming the user ({@link ChallengeOwners}), one byte for the slot's number, and 7 random
 * bytes. To the device it is what the protocol says, 16 bytes in base64url. A made-up id that names
 * someone's slot finds a challenge with another id there, and reads as unknown.
 */
final class ChallengeIds {

  static final int OWNER_BYTES = 8;
  private static final int RANDOM_BYTES = SoftTokenProtocol.CHALLENGE_ID_BYTES - OWNER_BYTES - 1;

  private ChallengeIds() {}

  /** Where a challenge lives: the owner's slots ({@link ChallengeOwners}) and the slot's number. */
  record Place(String owner, int slot) {}

  /** A new id for a challenge in slot {@code slot} of {@code owner} ({@link ChallengeOwners}). */
  static String newId(String owner, int slot, SecureRandom random) {
    if (slot < 0 || slot > 255) {
      throw new IllegalArgumentException("a slot's number fits one byte");
    }
    byte[] randomPart = new byte[RANDOM_BYTES];
    random.nextBytes(randomPart);
    return Base64Urls.encode(
        ByteBuffer.allocate(SoftTokenProtocol.CHALLENGE_ID_BYTES)
            .put(HexFormat.of().parseHex(owner))
            .put((byte) slot)
            .put(randomPart)
            .array());
  }

  /** The place an id names, or empty when it is not an id of this form. */
  static Optional<Place> placeOf(String id) {
    if (id == null || !Base64Urls.isBase64Url(id)) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Base64Urls.decode(id);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (bytes.length != SoftTokenProtocol.CHALLENGE_ID_BYTES) {
      return Optional.empty();
    }
    return Optional.of(
        new Place(
            HexFormat.of().formatHex(bytes, 0, OWNER_BYTES),
            Byte.toUnsignedInt(bytes[OWNER_BYTES])));
  }
}
