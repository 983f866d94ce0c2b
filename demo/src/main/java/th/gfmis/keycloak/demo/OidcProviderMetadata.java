package th.gfmis.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/**
 * The parts of the realm's OpenID Provider metadata the demo app uses.
 *
 * @param issuer the {@code iss} of the realm's tokens
 * @param authorizationEndpoint where the browser signs in
 * @param tokenEndpoint where the app redeems the code
 * @param endSessionEndpoint where the browser signs out
 */
record OidcProviderMetadata(
    String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI endSessionEndpoint) {

  static OidcProviderMetadata of(JsonNode discovery) throws OidcException {
    return new OidcProviderMetadata(
        required(discovery, "issuer"),
        URI.create(required(discovery, "authorization_endpoint")),
        URI.create(required(discovery, "token_endpoint")),
        URI.create(required(discovery, "end_session_endpoint")));
  }

  private static String required(JsonNode discovery, String name) throws OidcException {
    JsonNode value = discovery.get(name);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new OidcException("the provider metadata has no " + name);
    }
    return value.asText();
  }
}
