package th.gfmis.keycloak.registration.proofing;

import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import org.keycloak.provider.Provider;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * A browser round trip to an identity proofing service. {@link #begin} gives the address the
 * browser goes to; the service sends it back to {@code redirectUri} with {@code state}, and {@link
 * #complete} turns that return into an outcome. Whatever the provider must remember in between
 * (PKCE verifier, nonce) it keeps in the authentication session's notes and removes in {@link
 * #complete}.
 */
public interface IdentityProofing extends Provider {

  /** Whether the service is configured in the realm and can be used. */
  boolean available(AuthenticationSessionModel authSession);

  /**
   * The address of the service's authorization page.
   *
   * @param state the value the service must send back unchanged (see {@link
   *     th.gfmis.keycloak.registration.SessionTicket})
   * @param redirectUri where the service sends the browser back
   */
  URI begin(AuthenticationSessionModel authSession, String state, URI redirectUri);

  /**
   * The outcome of the service's answer.
   *
   * @param parameters the query parameters the browser brought back
   */
  ProofingOutcome complete(
      AuthenticationSessionModel authSession,
      MultivaluedMap<String, String> parameters,
      URI redirectUri);

  @Override
  default void close() {}
}
