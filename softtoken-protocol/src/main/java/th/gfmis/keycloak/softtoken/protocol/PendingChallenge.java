package th.gfmis.keycloak.softtoken.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.List;

/**
 * One live login challenge as the device sees it ({@code GET challenges}); also the summary handed
 * to a push provider.
 *
 * @param id the challenge id (base64url)
 * @param nonce single-use nonce the response must echo (base64url)
 * @param clientId the OIDC client the user is signing in to
 * @param clientName its display name
 * @param createdAt when the challenge was created
 * @param expiresAt when it stops being answerable
 * @param browser approximate browser and platform, e.g. "Chrome on Windows"
 * @param ipAddress the browser's IP address as the server saw it
 * @param numberChoices three distinct numbers 10..99, one of them shown in the browser (absent when
 *     the holder types the number)
 * @param numberMatching how the holder matches the number: {@code pick} one of {@code
 *     numberChoices} or {@code type} the number shown in the browser ({@link NumberMatching.Mode});
 *     absent means {@code pick}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PendingChallenge(
    String id,
    String nonce,
    String clientId,
    String clientName,
    @JsonSerialize(using = IsoInstant.Serializer.class)
        @JsonDeserialize(using = IsoInstant.Deserializer.class)
        Instant createdAt,
    @JsonSerialize(using = IsoInstant.Serializer.class)
        @JsonDeserialize(using = IsoInstant.Deserializer.class)
        Instant expiresAt,
    String browser,
    String ipAddress,
    List<Integer> numberChoices,
    String numberMatching) {

  /** A challenge whose holder picks one of three numbers (the form before matching modes). */
  public PendingChallenge(
      String id,
      String nonce,
      String clientId,
      String clientName,
      Instant createdAt,
      Instant expiresAt,
      String browser,
      String ipAddress,
      List<Integer> numberChoices) {
    this(
        id,
        nonce,
        clientId,
        clientName,
        createdAt,
        expiresAt,
        browser,
        ipAddress,
        numberChoices,
        NumberMatching.Mode.PICK.wire());
  }

  /**
   * How the holder matches the number; an absent or unknown member reads as {@link
   * NumberMatching.Mode#PICK} when choices are listed, else {@link NumberMatching.Mode#TYPE}.
   */
  @JsonIgnore
  public NumberMatching.Mode mode() {
    return NumberMatching.Mode.fromWire(numberMatching)
        .orElse(
            numberChoices == null || numberChoices.isEmpty()
                ? NumberMatching.Mode.TYPE
                : NumberMatching.Mode.PICK);
  }
}
