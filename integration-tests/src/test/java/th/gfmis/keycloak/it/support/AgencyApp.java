package th.gfmis.keycloak.it.support;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An agency's web application as an integrator writes it with the Nimbus OAuth 2.0 / OpenID Connect
 * SDK: discovery, authorization code + PKCE (S256) with state and nonce, optional {@code
 * acr_values}, code exchange with the client secret, and ID tokens checked against the realm's
 * published keys. Nothing here builds a request or parses a token by hand.
 */
public final class AgencyApp {

  /** One sign-in under way: what the application keeps in its session until the callback. */
  public record Login(URI uri, State state, Nonce nonce, CodeVerifier verifier) {}

  private final OIDCProviderMetadata provider;
  private final ClientID clientId;
  private final Secret secret;
  private final URI redirectUri;
  private final IDTokenValidator idTokens;

  private AgencyApp(
      OIDCProviderMetadata provider, ClientID clientId, Secret secret, URI redirectUri) {
    this.provider = provider;
    this.clientId = clientId;
    this.secret = secret;
    this.redirectUri = redirectUri;
    this.idTokens =
        new IDTokenValidator(provider.getIssuer(), clientId, JWSAlgorithm.RS256, jwksUrl());
  }

  /** Discovers the realm from its issuer URL (its {@code .well-known/openid-configuration}). */
  public static AgencyApp discover(
      String issuer, String clientId, String secret, String redirectUri) throws Exception {
    return new AgencyApp(
        OIDCProviderMetadata.resolve(new Issuer(issuer)),
        new ClientID(clientId),
        new Secret(secret),
        URI.create(redirectUri));
  }

  public OIDCProviderMetadata provider() {
    return provider;
  }

  /** A sign-in at the client's default level. */
  public Login start() {
    return start(null, null);
  }

  /** A sign-in asking for a level ({@code acr_values}) and/or a prompt; either may be null. */
  public Login start(String acrValues, Prompt.Type prompt) {
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    AuthenticationRequest.Builder request =
        new AuthenticationRequest.Builder(
                ResponseType.CODE, new Scope("openid", "profile", "email"), clientId, redirectUri)
            .endpointURI(provider.getAuthorizationEndpointURI())
            .state(state)
            .nonce(nonce)
            .codeChallenge(verifier, CodeChallengeMethod.S256);
    if (acrValues != null) {
      request.acrValues(List.of(new ACR(acrValues)));
    }
    if (prompt != null) {
      request.prompt(prompt);
    }
    return new Login(request.build().toURI(), state, nonce, verifier);
  }

  public boolean isCallback(String url) {
    return url != null && url.startsWith(redirectUri.toString());
  }

  /** Waits until the browser lands on the redirect URI and returns the address it shows. */
  public String awaitCallback(WebDriver driver) {
    return new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> isCallback(d.getCurrentUrl()) ? d.getCurrentUrl() : null);
  }

  /** The authorization response at the redirect URI, its state checked. */
  public AuthenticationResponse response(Login login, String callbackUrl) throws Exception {
    AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(callbackUrl));
    if (!login.state().equals(response.getState())) {
      throw new AssertionError("state mismatch in " + callbackUrl);
    }
    return response;
  }

  /** The error the realm sent back instead of a code. */
  public ErrorObject error(Login login, String callbackUrl) throws Exception {
    AuthenticationResponse response = response(login, callbackUrl);
    if (response.indicatesSuccess()) {
      throw new AssertionError("expected an error response, got a code: " + callbackUrl);
    }
    return response.toErrorResponse().getErrorObject();
  }

  /** Exchanges the code for tokens and returns the validated claims of the ID token. */
  public IDTokenClaimsSet complete(Login login, String callbackUrl) throws Exception {
    AuthenticationResponse response = response(login, callbackUrl);
    if (!response.indicatesSuccess()) {
      throw new AssertionError(
          "sign-in refused: " + response.toErrorResponse().getErrorObject().toJSONObject());
    }
    AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
    TokenRequest request =
        new TokenRequest(
            provider.getTokenEndpointURI(),
            new ClientSecretBasic(clientId, secret),
            new AuthorizationCodeGrant(code, redirectUri, login.verifier()));
    TokenResponse tokens = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
    if (!tokens.indicatesSuccess()) {
      throw new AssertionError(
          "token endpoint refused: " + tokens.toErrorResponse().getErrorObject().toJSONObject());
    }
    return idTokens.validate(
        tokens.toSuccessResponse().getTokens().toOIDCTokens().getIDToken(), login.nonce());
  }

  /** Checks logout tokens for this client: signature from the realm's keys, issuer, audience. */
  public LogoutTokenValidator logoutTokenValidator() {
    return new LogoutTokenValidator(provider.getIssuer(), clientId, JWSAlgorithm.RS256, jwksUrl());
  }

  private URL jwksUrl() {
    try {
      return provider.getJWKSetURI().toURL();
    } catch (java.net.MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
