package th.gfmis.keycloak.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An ID token the demo app received and validated with Nimbus's {@link IDTokenValidator}: signature
 * against the realm's published keys, issuer, audience, expiry and the sign-in's nonce.
 *
 * @param jwt the token, kept for {@code id_token_hint} at sign-out
 * @param claims its validated claims
 */
record IdToken(JWT jwt, IDTokenClaimsSet claims) {

  static IdToken validate(JWT jwt, IDTokenValidator validator, Nonce nonce) throws OidcException {
    try {
      return new IdToken(jwt, validator.validate(jwt, nonce));
    } catch (BadJOSEException | JOSEException e) {
      throw new OidcException("the ID token is not valid for this sign-in: " + e.getMessage(), e);
    }
  }

  /** A claim as text: arrays joined with ", ", absent claims empty. */
  String text(String name) {
    Object value = claims.getClaim(name);
    if (value == null) {
      return "";
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
    return String.valueOf(value);
  }

  /** {@code auth_time}, when the user actually authenticated. */
  Optional<Instant> authTime() {
    return Optional.ofNullable(claims.getAuthenticationTime()).map(java.util.Date::toInstant);
  }

  /** All claims as JSON, for display. */
  String claimsJson() {
    return claims.toJSONObject().toString();
  }
}
