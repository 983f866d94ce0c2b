package th.gfmis.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdTokenTest {
  private static final String ISSUER = "http://localhost:8080/realms/gfmis";
  private static final Instant NOW = Instant.ofEpochSecond(1_764_000_000L);
  private final ObjectMapper json = new ObjectMapper();

  private static String jwt(String payload) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(payload.replace('\'', '"').getBytes(StandardCharsets.UTF_8))
        + ".c2ln";
  }

  private IdToken token(String aud, String nonce, long exp) throws OidcException {
    return IdToken.parse(
        jwt(
            "{'iss':'"
                + ISSUER
                + "','aud':"
                + aud
                + ",'nonce':'"
                + nonce
                + "','exp':"
                + exp
                + ",'auth_time':1764000000,'acr':'1','amr':['pwd','otp'],"
                + "'name':'สมชาย ใจดี','preferred_username':'user01'}"),
        json);
  }

  @Test
  void acceptsATokenForThisClientAndLogin() throws Exception {
    IdToken token = token("'gfmis-demo'", "n-1", NOW.getEpochSecond() + 60);
    token.validate(ISSUER, "gfmis-demo", "n-1", NOW);
    assertEquals("สมชาย ใจดี", token.text("name"));
    assertEquals("pwd, otp", token.text("amr"));
    assertEquals("", token.text("email"));
    assertEquals(Optional.of(NOW), token.authTime());

    IdToken listedAudience = token("['other','gfmis-demo']", "n-1", NOW.getEpochSecond() + 60);
    listedAudience.validate(ISSUER, "gfmis-demo", "n-1", NOW);
  }

  @Test
  void rejectsAnotherIssuerAudienceNonceOrAnExpiredToken() throws Exception {
    long later = NOW.getEpochSecond() + 60;
    IdToken good = token("'gfmis-demo'", "n-1", later);
    assertThrows(
        OidcException.class,
        () -> good.validate("http://localhost:8080/realms/other", "gfmis-demo", "n-1", NOW));
    assertThrows(OidcException.class, () -> good.validate(ISSUER, "gfmis-demo", "n-2", NOW));
    assertThrows(
        OidcException.class,
        () -> token("'account'", "n-1", later).validate(ISSUER, "gfmis-demo", "n-1", NOW));
    assertThrows(
        OidcException.class,
        () ->
            token("'gfmis-demo'", "n-1", NOW.getEpochSecond())
                .validate(ISSUER, "gfmis-demo", "n-1", NOW));
  }

  @Test
  void rejectsWhatIsNotAJwtWithAJsonPayload() {
    assertThrows(OidcException.class, () -> IdToken.parse("abc", json));
    assertThrows(OidcException.class, () -> IdToken.parse("a.!!!.c", json));
    OidcException notObject =
        assertThrows(OidcException.class, () -> IdToken.parse(jwt("[1,2]"), json));
    assertTrue(notObject.getMessage().contains("JSON object"), notObject.getMessage());
  }
}
