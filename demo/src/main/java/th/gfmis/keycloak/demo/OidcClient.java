package th.gfmis.keycloak.demo;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.langtag.LangTagException;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * The demo app's side of OpenID Connect against the {@code gfmis} realm, through the Nimbus OAuth
 * 2.0 / OpenID Connect SDK: discovery, a public client using the authorization code flow with PKCE
 * (S256), ID tokens validated against the realm's published keys, and RP-initiated logout.
 */
final class OidcClient {
  static final String REALM = "gfmis";
  static final String CLIENT_ID = "gfmis-demo";
  private static final int TIMEOUT_MILLIS = 10_000;

  private final Issuer issuer;
  private final ClientID clientId = new ClientID(CLIENT_ID);
  private final URI redirectUri;
  private final URI postLogoutRedirectUri;
  private Realm realm;

  /** The realm's metadata and the validator built from its keys, fetched together. */
  private record Realm(OIDCProviderMetadata metadata, IDTokenValidator ids) {}

  OidcClient(String issuer, String redirectUri, String postLogoutRedirectUri) {
    this.issuer = new Issuer(issuer);
    this.redirectUri = URI.create(redirectUri);
    this.postLogoutRedirectUri = URI.create(postLogoutRedirectUri);
  }

  static OidcClient forSettings(DemoSettings settings) {
    return new OidcClient(
        settings.keycloakUrl() + "/realms/" + REALM,
        settings.webUrl() + "/app/callback",
        settings.webUrl() + "/app");
  }

  /** The realm's metadata, fetched on first use (Keycloak is up by then) and kept. */
  synchronized OIDCProviderMetadata metadata() throws OidcException {
    return provider().metadata();
  }

  private synchronized Realm provider() throws OidcException {
    if (realm == null) {
      try {
        OIDCProviderMetadata metadata =
            OIDCProviderMetadata.resolve(issuer, TIMEOUT_MILLIS, TIMEOUT_MILLIS);
        IDTokenValidator ids =
            new IDTokenValidator(
                metadata.getIssuer(),
                clientId,
                JWSAlgorithm.RS256,
                metadata.getJWKSetURI().toURL());
        realm = new Realm(metadata, ids);
      } catch (GeneralException | IOException e) {
        throw new OidcException("provider metadata failed: " + e.getMessage(), e);
      }
    }
    return realm;
  }

  /**
   * The URL that starts a sign-in.
   *
   * @param acrValues requested authentication context classes separated by blanks, or empty
   * @param uiLocales the preferred language of Keycloak's pages ("th", "en"), or empty
   */
  URI authorizationRequest(
      State state, Nonce nonce, CodeVerifier verifier, String acrValues, String uiLocales)
      throws OidcException {
    AuthenticationRequest.Builder request =
        new AuthenticationRequest.Builder(
                ResponseType.CODE, new Scope("openid", "profile", "email"), clientId, redirectUri)
            .endpointURI(metadata().getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256);
    if (!acrValues.isBlank()) {
      request.acrValues(Arrays.stream(acrValues.trim().split("\\s+")).map(ACR::new).toList());
    }
    if (!uiLocales.isEmpty()) {
      try {
        request.uiLocales(List.of(LangTag.parse(uiLocales)));
      } catch (LangTagException e) {
        throw new OidcException("not a language tag: " + uiLocales, e);
      }
    }
    return request.build().toURI();
  }

  /** Redeems an authorization code and returns the ID token, validated for this sign-in. */
  IdToken redeem(AuthorizationCode code, CodeVerifier verifier, Nonce nonce) throws OidcException {
    Realm provider = provider();
    TokenRequest request =
        new TokenRequest(
            provider.metadata().getTokenEndpointURI(),
            clientId,
            new AuthorizationCodeGrant(code, redirectUri, verifier));
    TokenResponse response;
    try {
      var http = request.toHTTPRequest();
      http.setConnectTimeout(TIMEOUT_MILLIS);
      http.setReadTimeout(TIMEOUT_MILLIS);
      response = OIDCTokenResponseParser.parse(http.send());
    } catch (IOException | ParseException e) {
      throw new OidcException("token request failed: " + e.getMessage(), e);
    }
    if (!response.indicatesSuccess()) {
      var error = response.toErrorResponse().getErrorObject();
      throw new OidcException(
          "token request answered HTTP "
              + error.getHTTPStatusCode()
              + (error.getCode() == null ? "" : ": " + error.getCode())
              + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")"));
    }
    JWT idToken = response.toSuccessResponse().getTokens().toOIDCTokens().getIDToken();
    if (idToken == null) {
      throw new OidcException("the token response has no id_token");
    }
    return IdToken.validate(idToken, provider.ids(), nonce);
  }

  /** The URL that signs the browser out of Keycloak and comes back to the app. */
  URI logoutRequest(IdToken idTokenHint) throws OidcException {
    return new LogoutRequest(
            metadata().getEndSessionEndpointURI(),
            idTokenHint.jwt(),
            null,
            clientId,
            postLogoutRedirectUri,
            null,
            null)
        .toURI();
  }
}
