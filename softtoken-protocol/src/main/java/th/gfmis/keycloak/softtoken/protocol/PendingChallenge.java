package th.gfmis.keycloak.softtoken.protocol;

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
 * @param numberChoices three distinct numbers 10..99; one of them is shown in the browser
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
    List<Integer> numberChoices) {}
