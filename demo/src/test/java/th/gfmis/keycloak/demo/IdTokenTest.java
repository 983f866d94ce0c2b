package th.gfmis.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo app accepts only ID tokens signed by the realm's key, for itself and this sign-in. */
class IdTokenTest {
  private static final String ISSUER = "http://localhost:8080/realms/gfmis";
  private static final Instant AUTH_TIME = Instant.ofEpochSecond(1_764_000_000L);
  private static final RSAKey REALM_KEY = key("realm");
  private static final RSAKey OTHER_KEY = key("realm");

  private final IDTokenValidator validator =
      new IDTokenValidator(
          new Issuer(ISSUER),
          new ClientID("gfmis-demo"),
          JWSAlgorithm.RS256,
          new JWKSet(REALM_KEY.toPublicJWK()));

  private static RSAKey key(String id) {
    try {
      return new RSAKeyGenerator(2048).keyID(id).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JWTClaimsSet.Builder claims(String issuer, List<String> audience, String nonce) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject("4f0c")
        .audience(audience)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(300)))
        .claim("nonce", nonce)
        .claim("auth_time", AUTH_TIME.getEpochSecond())
        .claim("acr", "gfmis-password")
        .claim("amr", List.of("pwd", "otp"))
        .claim("name", "สมชาย ใจดี");
  }

  private static SignedJWT signed(RSAKey key, JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt;
  }

  private IdToken validate(RSAKey key, JWTClaimsSet claims, String nonce) throws Exception {
    return IdToken.validate(signed(key, claims), validator, new Nonce(nonce));
  }

  @Test
  void acceptsATokenOfTheRealmForThisClientAndSignIn() throws Exception {
    IdToken token =
        validate(REALM_KEY, claims(ISSUER, List.of("gfmis-demo"), "n-1").build(), "n-1");
    assertEquals("สมชาย ใจดี", token.text("name"));
    assertEquals("pwd, otp", token.text("amr"));
    assertEquals("", token.text("email"));
    assertEquals(Optional.of(AUTH_TIME), token.authTime());

    validate(REALM_KEY, claims(ISSUER, List.of("other", "gfmis-demo"), "n-1").build(), "n-1");
  }

  @Test
  void rejectsAnotherIssuerAudienceNonceOrAnExpiredToken() {
    assertThrows(
        OidcException.class,
        () ->
            validate(
                REALM_KEY,
                claims("http://localhost:8080/realms/other", List.of("gfmis-demo"), "n-1").build(),
                "n-1"));
    assertThrows(
        OidcException.class,
        () -> validate(REALM_KEY, claims(ISSUER, List.of("gfmis-demo"), "n-1").build(), "n-2"));
    assertThrows(
        OidcException.class,
        () -> validate(REALM_KEY, claims(ISSUER, List.of("account"), "n-1").build(), "n-1"));
    Instant past = Instant.now().minusSeconds(3600);
    assertThrows(
        OidcException.class,
        () ->
            validate(
                REALM_KEY,
                claims(ISSUER, List.of("gfmis-demo"), "n-1")
                    .issueTime(Date.from(past.minusSeconds(300)))
                    .expirationTime(Date.from(past))
                    .build(),
                "n-1"));
  }

  @Test
  void rejectsATokenNotSignedByTheRealm() {
    JWTClaimsSet good = claims(ISSUER, List.of("gfmis-demo"), "n-1").build();
    assertThrows(OidcException.class, () -> validate(OTHER_KEY, good, "n-1"));
    assertThrows(
        OidcException.class,
        () -> IdToken.validate(new PlainJWT(good), validator, new Nonce("n-1")));
  }
}
