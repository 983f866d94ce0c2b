package th.gfmis.keycloak.it.support;

import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Registers an agency's client the way docs/integration.md tells an operator to: the client scope
 * {@code gfmis-profile} with the GFMIS user ID claim, and a confidential client with code + PKCE
 * S256, one exact redirect URI and back-channel logout.
 */
public final class AgencyClients {

  public static final String PROFILE_SCOPE = "gfmis-profile";

  private final ManagedRealm realm;

  public AgencyClients(ManagedRealm realm) {
    this.realm = realm;
  }

  /** The {@code gfmis-profile} client scope, created on first use; returns its id. */
  public String profileScope() {
    return realm.admin().clientScopes().findAll().stream()
        .filter(s -> PROFILE_SCOPE.equals(s.getName()))
        .map(ClientScopeRepresentation::getId)
        .findFirst()
        .orElseGet(this::createProfileScope);
  }

  private String createProfileScope() {
    ProtocolMapperRepresentation userId = new ProtocolMapperRepresentation();
    userId.setName("GFMIS user ID");
    userId.setProtocol("openid-connect");
    userId.setProtocolMapper("gfmis-user-id-mapper");
    userId.setConfig(
        Map.of(
            "claim.name", "gfmis_user_id",
            "id.token.claim", "true",
            "access.token.claim", "true",
            "userinfo.token.claim", "true",
            "introspection.token.claim", "true"));
    ClientScopeRepresentation scope = new ClientScopeRepresentation();
    scope.setName(PROFILE_SCOPE);
    scope.setDescription("GFMIS user ID (upper case) for agency systems");
    scope.setProtocol("openid-connect");
    scope.setAttributes(Map.of("include.in.token.scope", "false"));
    scope.setProtocolMappers(List.of(userId));
    try (Response response = realm.admin().clientScopes().create(scope)) {
      return CreatedResponseUtil.getCreatedId(response);
    }
  }

  /**
   * A confidential agency client at the password level by default, with {@code gfmis-profile} as a
   * default scope and back-channel logout to the given URL.
   */
  public void register(
      String clientId, String secret, String redirectUri, String backChannelLogoutUrl) {
    register(clientId, secret, redirectUri, backChannelLogoutUrl, null);
  }

  /** As above, and the exact URI the browser may return to after RP-initiated logout. */
  public void register(
      String clientId,
      String secret,
      String redirectUri,
      String backChannelLogoutUrl,
      String postLogoutRedirectUri) {
    ClientRepresentation client = new ClientRepresentation();
    client.setClientId(clientId);
    client.setName("Agency system " + clientId);
    client.setProtocol("openid-connect");
    client.setPublicClient(false);
    client.setClientAuthenticatorType("client-secret");
    client.setSecret(secret);
    client.setStandardFlowEnabled(true);
    client.setImplicitFlowEnabled(false);
    client.setDirectAccessGrantsEnabled(false);
    client.setServiceAccountsEnabled(false);
    client.setFrontchannelLogout(false);
    client.setRedirectUris(List.of(redirectUri));
    Map<String, String> attributes =
        new HashMap<>(
            Map.of(
                "pkce.code.challenge.method", "S256",
                "default.acr.values", "gfmis-password",
                "backchannel.logout.url", backChannelLogoutUrl,
                "backchannel.logout.session.required", "true",
                "backchannel.logout.revoke.offline.tokens", "true"));
    if (postLogoutRedirectUri != null) {
      attributes.put("post.logout.redirect.uris", postLogoutRedirectUri);
    }
    client.setAttributes(attributes);
    String id;
    try (Response response = realm.admin().clients().create(client)) {
      id = CreatedResponseUtil.getCreatedId(response);
    }
    realm.admin().clients().get(id).addDefaultClientScope(profileScope());
  }
}
