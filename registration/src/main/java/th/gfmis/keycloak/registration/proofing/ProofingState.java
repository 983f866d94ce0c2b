package th.gfmis.keycloak.registration.proofing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The {@code state} of a proofing round trip: what finds the authentication session on return (its
 * tab id and client id) and a random part that only that session knows. The random part is kept in
 * an auth note and removed on the first return, so a state works once.
 *
 * <p>Form: {@code base64url(random) "." base64url(tabId) "." base64url(clientId)}.
 */
public record ProofingState(String tabId, String clientId, String secret) {

  /** The auth note holding the random part of the state of the round trip under way. */
  static final String NOTE = "gfmis-reg-proofing-state";

  private static final int SECRET_BYTES = 32;
  private static final int MAX_LENGTH = 1024;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** A new state for the session's round trip; replaces any earlier one. */
  public static ProofingState issue(AuthenticationSessionModel authSession) {
    byte[] random = new byte[SECRET_BYTES];
    RANDOM.nextBytes(random);
    ProofingState state =
        new ProofingState(
            authSession.getTabId(),
            authSession.getClient().getClientId(),
            ENCODER.encodeToString(random));
    authSession.setAuthNote(NOTE, state.secret());
    return state;
  }

  public String encoded() {
    return secret + "." + encode(tabId) + "." + encode(clientId);
  }

  /** The state in {@code value}; empty when it is not one. */
  public static Optional<ProofingState> decode(String value) {
    if (value == null || value.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String[] parts = value.split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty()) {
      return Optional.empty();
    }
    try {
      String tabId = decodePart(parts[1]);
      String clientId = decodePart(parts[2]);
      DECODER.decode(parts[0]);
      if (tabId.isEmpty() || clientId.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new ProofingState(tabId, clientId, parts[0]));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  /**
   * Whether this state is the one the session issued last. Either way the session's state is used
   * up: a second return with the same state is refused.
   */
  public boolean consume(AuthenticationSessionModel authSession) {
    String expected = authSession.getAuthNote(NOTE);
    authSession.removeAuthNote(NOTE);
    return matches(expected);
  }

  /** Constant-time comparison of the random part with {@code expected}. */
  boolean matches(String expected) {
    return expected != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            secret.getBytes(StandardCharsets.US_ASCII));
  }

  private static String encode(String value) {
    return ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodePart(String part) {
    return new String(DECODER.decode(part), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "ProofingState[tabId=" + tabId + ", clientId=" + clientId + "]";
  }
}
