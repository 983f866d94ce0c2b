package th.gfmis.keycloak.registration.proofing;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.broker.oidc.OIDCIdentityProvider;
import org.keycloak.broker.oidc.OIDCIdentityProviderConfig;
import org.keycloak.broker.provider.IdentityBrokerException;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpRequest;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.utils.PkceUtils;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.domain.CitizenId;

/**
 * Identity proofing by ThaID, an OpenID Connect provider configured in the realm as a standard
 * Keycloak OIDC identity provider (alias {@code thaid} by default). This class runs its own
 * authorization-code round trip with PKCE (S256) and a nonce, but the client authentication at the
 * token endpoint and the ID token's checks (signature against the provider's keys, issuer,
 * audience, expiry) are Keycloak's own {@link OIDCIdentityProvider}'s, so the admin console's
 * settings of that provider apply.
 */
public class ThaidProofing implements IdentityProofing {

  static final String VERIFIER_NOTE = "gfmis-reg-thaid-pkce-verifier";
  static final String NONCE_NOTE = "gfmis-reg-thaid-nonce";

  private static final Logger LOG = Logger.getLogger(ThaidProofing.class);

  private final KeycloakSession session;
  private final String alias;

  public ThaidProofing(KeycloakSession session, String alias) {
    this.session = session;
    this.alias = alias;
  }

  @Override
  public boolean available(AuthenticationSessionModel authSession) {
    return config().isPresent();
  }

  /**
   * The provider's settings when it exists, is enabled, and checks signatures (without that, an ID
   * token would be taken on its word).
   */
  private Optional<OIDCIdentityProviderConfig> config() {
    IdentityProviderModel model = session.identityProviders().getByAlias(alias);
    if (model == null || !model.isEnabled()) {
      return Optional.empty();
    }
    OIDCIdentityProviderConfig config = new OIDCIdentityProviderConfig(model);
    if (!config.isValidateSignature()
        || blank(config.getAuthorizationUrl())
        || blank(config.getTokenUrl())) {
      LOG.warnf(
          "Identity provider '%s' is not usable for proofing: it needs an authorization URL, a"
              + " token URL and signature validation on",
          alias);
      return Optional.empty();
    }
    return Optional.of(config);
  }

  @Override
  public URI begin(AuthenticationSessionModel authSession, String state, URI redirectUri) {
    OIDCIdentityProviderConfig config = config().orElseThrow(IllegalStateException::new);
    String verifier = PkceUtils.generateCodeVerifier();
    String nonce = SecretGenerator.getInstance().randomString(32);
    authSession.setAuthNote(VERIFIER_NOTE, verifier);
    authSession.setAuthNote(NONCE_NOTE, nonce);
    return UriBuilder.fromUri(config.getAuthorizationUrl())
        .queryParam("response_type", "code")
        .queryParam("client_id", config.getClientId())
        .queryParam("redirect_uri", redirectUri)
        .queryParam("scope", scope(config.getDefaultScope()))
        .queryParam("state", state)
        .queryParam("nonce", nonce)
        // Every proofing is a fresh one: a session left at ThaID must not answer for the next
        // person.
        .queryParam("prompt", "login")
        .queryParam("code_challenge", PkceUtils.generateS256CodeChallenge(verifier))
        .queryParam("code_challenge_method", "S256")
        .build();
  }

  /** The provider's configured scopes, always with {@code openid}. */
  static String scope(String configured) {
    if (blank(configured)) {
      return "openid";
    }
    String trimmed = configured.trim();
    return Arrays.asList(trimmed.split("\\s+")).contains("openid") ? trimmed : "openid " + trimmed;
  }

  @Override
  public ProofingOutcome complete(
      AuthenticationSessionModel authSession,
      MultivaluedMap<String, String> parameters,
      URI redirectUri) {
    String verifier = authSession.getAuthNote(VERIFIER_NOTE);
    String nonce = authSession.getAuthNote(NONCE_NOTE);
    authSession.removeAuthNote(VERIFIER_NOTE);
    authSession.removeAuthNote(NONCE_NOTE);
    String error = parameters.getFirst("error");
    if ("access_denied".equals(error)) {
      return new ProofingOutcome.Cancelled();
    }
    if (error != null) {
      return new ProofingOutcome.Failed("provider_error");
    }
    String code = parameters.getFirst("code");
    if (code == null || verifier == null || nonce == null) {
      return new ProofingOutcome.Failed(code == null ? "no_code" : "not_started");
    }
    Optional<OIDCIdentityProviderConfig> config = config();
    if (config.isEmpty()) {
      return new ProofingOutcome.Failed("not_configured");
    }
    OIDCIdentityProvider provider = new OIDCIdentityProvider(session, config.get());
    try {
      String idToken = exchange(provider, config.get(), code, verifier, redirectUri);
      if (idToken == null) {
        return new ProofingOutcome.Failed("token_endpoint");
      }
      JsonWebToken token = provider.validateToken(idToken);
      if (!nonceMatches(nonce, token.getOtherClaims().get("nonce"))) {
        return new ProofingOutcome.Failed("nonce");
      }
      return identity(token.getOtherClaims())
          .<ProofingOutcome>map(ProofingOutcome.Proven::new)
          .orElseGet(() -> new ProofingOutcome.Failed("claims"));
    } catch (IdentityBrokerException invalidToken) {
      LOG.debugf("ThaID ID token refused: %s", invalidToken.getMessage());
      return new ProofingOutcome.Failed("id_token");
    } catch (IOException unreachable) {
      LOG.warnf("ThaID token endpoint unreachable: %s", unreachable.getMessage());
      return new ProofingOutcome.Failed("token_endpoint");
    }
  }

  /** The ID token for the code; null when the token endpoint refuses. */
  private String exchange(
      OIDCIdentityProvider provider,
      OIDCIdentityProviderConfig config,
      String code,
      String verifier,
      URI redirectUri)
      throws IOException {
    SimpleHttpRequest request =
        SimpleHttp.create(session)
            .doPost(config.getTokenUrl())
            .param("grant_type", "authorization_code")
            .param("code", code)
            .param("redirect_uri", redirectUri.toString())
            .param("code_verifier", verifier);
    try (SimpleHttpResponse response = provider.authenticateTokenRequest(request).asResponse()) {
      if (response.getStatus() != 200) {
        LOG.debugf("ThaID token endpoint answered %d", response.getStatus());
        return null;
      }
      JsonNode idToken = response.asJson().get("id_token");
      return idToken == null || !idToken.isTextual() ? null : idToken.asText();
    }
  }

  static boolean nonceMatches(String expected, Object actual) {
    return actual instanceof String value
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The proven identity in ThaID's claims: {@code pid} (a valid CID), {@code given_name} and {@code
   * family_name} (Thai), {@code name_en} (optional) and {@code ial}.
   */
  static Optional<ProvenIdentity> identity(Map<String, Object> claims) {
    Optional<CitizenId> pid = text(claims, "pid").flatMap(CitizenId::parse);
    Optional<String> given = text(claims, "given_name");
    Optional<String> family = text(claims, "family_name");
    Optional<String> ial = text(claims, "ial");
    if (pid.isEmpty() || given.isEmpty() || ial.isEmpty()) {
      return Optional.empty();
    }
    String nameTh = family.map(f -> given.get() + " " + f).orElse(given.get());
    return Optional.of(new ProvenIdentity(pid.get(), nameTh, text(claims, "name_en"), ial.get()));
  }

  private static Optional<String> text(Map<String, Object> claims, String name) {
    Object value = claims.get(name);
    if (value instanceof String || value instanceof Number) {
      String text = value.toString().trim();
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
    return Optional.empty();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
