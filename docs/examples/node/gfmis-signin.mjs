// An agency application signing in with GFMIS Sign-in through openid-client (v6).
//
//   node gfmis-signin.mjs authorize            -> prints {url, codeVerifier, state, nonce}
//   node gfmis-signin.mjs callback <url> <codeVerifier> <state> <nonce>
//                                              -> prints the validated ID token claims
//
// A web application keeps codeVerifier, state and nonce in its server-side session between the
// two steps; this script takes them on the command line so that the project's tests can drive it.
// Settings come from the environment:
//   GFMIS_ISSUER         https://sso.example.go.th/realms/gfmis
//   GFMIS_CLIENT_ID      the client an operator registered for you
//   GFMIS_CLIENT_SECRET  its secret (keep it out of the source)
//   GFMIS_REDIRECT_URI   exactly as registered
//   GFMIS_ACR_VALUES     gfmis-softtoken (default) or gfmis-password
import * as oidc from 'openid-client';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

export async function configuration() {
  const issuer = new URL(env('GFMIS_ISSUER'));
  // Plain http only for a server on this machine (the demo and the tests); never in production.
  const local = issuer.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(issuer.hostname);
  return oidc.discovery(
    issuer,
    env('GFMIS_CLIENT_ID'),
    env('GFMIS_CLIENT_SECRET'),
    undefined,
    local ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );
}

export async function authorize(config) {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: env('GFMIS_REDIRECT_URI'),
    scope: 'openid profile email',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    acr_values: env('GFMIS_ACR_VALUES', 'gfmis-softtoken'),
  });
  return { url: url.href, codeVerifier, state, nonce };
}

export async function callback(config, callbackUrl, codeVerifier, state, nonce) {
  // Checks state, exchanges the code with the verifier, validates the ID token (signature from
  // the realm's JWKS, issuer, audience, expiry, nonce).
  const tokens = await oidc.authorizationCodeGrant(config, new URL(callbackUrl), {
    pkceCodeVerifier: codeVerifier,
    expectedState: state,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  // The level is the application's to check: never trust a level the ID token does not state.
  const wanted = env('GFMIS_ACR_VALUES', 'gfmis-softtoken');
  if (wanted === 'gfmis-softtoken' && claims.acr !== 'gfmis-softtoken') {
    throw new Error(`signed in at level ${claims.acr}, not ${wanted}`);
  }
  return claims;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, ...args] = process.argv.slice(2);
  const config = await configuration();
  if (command === 'authorize') {
    console.log(JSON.stringify(await authorize(config)));
  } else if (command === 'callback' && args.length === 4) {
    console.log(JSON.stringify(await callback(config, ...args)));
  } else {
    console.error('usage: gfmis-signin.mjs authorize | callback <url> <codeVerifier> <state> <nonce>');
    process.exit(2);
  }
}
