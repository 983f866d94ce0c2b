package th.gfmis.keycloak.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A single-use ticket back into a registration's authentication session, for requests that reach
 * the registration's own endpoints rather than Keycloak's login actions: the {@code state} of the
 * proofing round trip, and the first page's form (which carries a file, and so cannot be posted to
 * the flow). It names the session (tab id and client id) and holds a random part that only that
 * session knows. The random part is kept in an auth note per {@link Use} and removed on the first
 * return, so a ticket works once.
 *
 * <p>Form: {@code base64url(random) "." base64url(tabId) "." base64url(clientId)}.
 */
public record SessionTicket(String tabId, String clientId, String secret) {

  /** What a ticket is for; each use has its own note, so one cannot stand in for another. */
  public enum Use {
    PROOFING("gfmis-reg-proofing-state"),
    IDENTIFY_FORM("gfmis-reg-identify-ticket");

    private final String note;

    Use(String note) {
      this.note = note;
    }
  }

  private static final int SECRET_BYTES = 32;
  private static final int MAX_LENGTH = 1024;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  /** A new ticket for {@code use}; replaces any earlier one of that use. */
  public static SessionTicket issue(AuthenticationSessionModel authSession, Use use) {
    byte[] random = new byte[SECRET_BYTES];
    RANDOM.nextBytes(random);
    SessionTicket ticket =
        new SessionTicket(
            authSession.getTabId(),
            authSession.getClient().getClientId(),
            ENCODER.encodeToString(random));
    authSession.setAuthNote(use.note, ticket.secret());
    return ticket;
  }

  public String encoded() {
    return secret + "." + encode(tabId) + "." + encode(clientId);
  }

  /** The ticket in {@code value}; empty when it is not one. */
  public static Optional<SessionTicket> decode(String value) {
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
      return Optional.of(new SessionTicket(tabId, clientId, parts[0]));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  /**
   * The authentication session the ticket names, among the browser's (found by its session cookie);
   * empty when it has expired or the browser is another one. Not yet proof of the ticket: {@link
   * #consume} is.
   */
  public Optional<AuthenticationSessionModel> findSession(
      KeycloakSession session, RealmModel realm) {
    ClientModel client = realm.getClientByClientId(clientId);
    if (client == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        new AuthenticationSessionManager(session)
            .getCurrentAuthenticationSession(realm, client, tabId));
  }

  /**
   * Whether this ticket is the one the session issued last for {@code use}. Either way the
   * session's ticket is used up: a second return with the same ticket is refused.
   */
  public boolean consume(AuthenticationSessionModel authSession, Use use) {
    String expected = authSession.getAuthNote(use.note);
    authSession.removeAuthNote(use.note);
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
    return "SessionTicket[tabId=" + tabId + ", clientId=" + clientId + "]";
  }
}
