package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationUriTest {

  private static final String CODE = ActivationCodes.generate(TestSupport.RANDOM);

  @Test
  void buildsAndParsesTheAppUri() throws Exception {
    ActivationUri uri = new ActivationUri("https://sso.gfmis.go.th/auth/", "gfmis", CODE);
    String text = uri.toUriString();
    assertEquals(
        "gfmis-softtoken://enroll?v=1&server=https%3A%2F%2Fsso.gfmis.go.th%2Fauth&realm=gfmis&code="
            + CODE,
        text);
    ActivationUri parsed = ActivationUri.parse(text);
    assertEquals(uri, parsed);
    assertEquals("https://sso.gfmis.go.th/auth", parsed.server());
    assertEquals(
        "https://sso.gfmis.go.th/auth/realms/gfmis/gfmis-softtoken/",
        parsed.deviceApiBase().toString());
  }

  @Test
  void buildsAndParsesTheHttpsLink() throws Exception {
    ActivationUri uri = new ActivationUri("https://sso.gfmis.go.th", "my realm", CODE);
    String link = uri.toHttpsLink();
    assertEquals(
        "https://sso.gfmis.go.th/realms/my%20realm/gfmis-softtoken/activate?code=" + CODE, link);
    assertEquals(uri, ActivationUri.parse(link));
  }

  @Test
  void realmWithSpecialCharactersRoundTrips() throws Exception {
    ActivationUri uri = new ActivationUri("http://localhost:8080", "กรม+บัญชี&x=1", CODE);
    assertEquals(uri, ActivationUri.parse(uri.toUriString()));
    assertEquals(uri, ActivationUri.parse(uri.toHttpsLink()));
  }

  @Test
  void normalisesTheServer() {
    ActivationUri uri = new ActivationUri("HTTPS://SSO.Example.org:443//", "r", CODE);
    assertEquals("https://sso.example.org", uri.server());
  }

  @Test
  void acceptsUpperCaseSchemeAndActionAndTrailingSlash() throws Exception {
    String text =
        "GFMIS-SOFTTOKEN://ENROLL/?v=1&server=https%3A%2F%2Fa.example&realm=r&code=" + CODE;
    assertEquals("https://a.example", ActivationUri.parse(text).server());
  }

  @Test
  void toStringHidesTheCode() {
    ActivationUri uri = new ActivationUri("https://a.example", "r", CODE);
    assertFalse(uri.toString().contains(CODE));
  }

  @Test
  void httpIsOnlyForLoopback() {
    new ActivationUri("http://127.0.0.1:8080", "r", CODE);
    new ActivationUri("http://[::1]:8080", "r", CODE);
    new ActivationUri("http://localhost", "r", CODE);
    assertThrows(
        IllegalArgumentException.class, () -> new ActivationUri("http://sso.example", "r", CODE));
    assertThrows(
        IllegalArgumentException.class, () -> new ActivationUri("http://10.0.0.1", "r", CODE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "https://a.example/not-an-activation-link",
        "otpauth://enroll?v=1&server=https%3A%2F%2Fa.example&realm=r&code=CODE",
        "gfmis-softtoken:enroll?v=1&server=https%3A%2F%2Fa.example&realm=r&code=CODE",
        "gfmis-softtoken://register?v=1&server=https%3A%2F%2Fa.example&realm=r&code=CODE",
        "gfmis-softtoken://enroll/x?v=1&server=https%3A%2F%2Fa.example&realm=r&code=CODE",
        "gfmis-softtoken://enroll?v=1&server=https%3A%2F%2Fa.example&realm=r&code=CODE#f",
        "gfmis-softtoken://enroll",
        "gfmis-softtoken://enroll?v=2&server=https%3A%2F%2Fa.example&realm=r&code=CODE",
        "gfmis-softtoken://enroll?server=https%3A%2F%2Fa.example&realm=r&code=CODE",
        "gfmis-softtoken://enroll?v=1&realm=r&code=CODE",
        "gfmis-softtoken://enroll?v=1&server=https%3A%2F%2Fa.example&code=CODE",
        "gfmis-softtoken://enroll?v=1&server=https%3A%2F%2Fa.example&realm=r",
        "gfmis-softtoken://enroll?v=1&v=1&server=https%3A%2F%2Fa.example&realm=r&code=CODE",
        "gfmis-softtoken://enroll?v=1&server=https%3A%2F%2Fa.example&realm=r&code=CODE&x=y",
        "gfmis-softtoken://enroll?v=1&server=https%3A%2F%2Fa.example&realm=r&code=CODE&",
        "gfmis-softtoken://enroll?v=1&server&realm=r&code=CODE",
        "gfmis-softtoken://enroll?v=1&server=http%3A%2F%2Fa.example&realm=r&code=CODE",
        "gfmis-softtoken://enroll?v=1&server=ftp%3A%2F%2Fa.example&realm=r&code=CODE",
        "gfmis-softtoken://enroll?v=1&server=https%3A%2F%2Fa.example%3Fq%3D1&realm=r&code=CODE",
        "gfmis-softtoken://enroll?v=1&server=https%3A%2F%2Fu%40a.example&realm=r&code=CODE",
        "gfmis-softtoken://enroll?v=1&server=%ZZ&realm=r&code=CODE",
        "gfmis-softtoken://enroll?v=1&server=https%3A%2F%2Fa.example&realm=&code=CODE",
        "gfmis-softtoken://enroll?v=1&server=https%3A%2F%2Fa.example&realm=a%2Fb&code=CODE",
        "gfmis-softtoken://enroll?v=1&server=https%3A%2F%2Fa.example&realm=r&code=short",
        "gfmis-softtoken://enroll?v=1&server=https%3A%2F%2Fa.example&realm=r&code=CODE=",
        "gfmis-softtoken://enroll?v=1&server=https%3A%2F%2Fa.example&realm=r&code=CODE ",
        "https://a.example/realms/r/gfmis-softtoken/activate",
        "https://a.example/realms/r/gfmis-softtoken/activate?code=CODE&v=1",
        "https://a.example/realms/r/gfmis-softtoken/activate?code=CODE#x",
        "https://a.example/realms//gfmis-softtoken/activate?code=CODE",
        "https://a.example/r/gfmis-softtoken/activate?code=CODE",
        "http://a.example/realms/r/gfmis-softtoken/activate?code=CODE",
        "https://a.example/realms/r/gfmis-softtoken/enroll?code=CODE"
      })
  void refusesMalformedUris(String template) {
    String text = template.replace("CODE", CODE);
    InvalidActivationUriException e =
        assertThrows(InvalidActivationUriException.class, () -> ActivationUri.parse(text));
    assertEquals(SoftTokenError.INVALID_REQUEST, e.error());
    assertTrue(e.getMessage().startsWith("Invalid activation URI: "), e.getMessage());
  }

  @Test
  void refusesANonCanonicalCode() {
    // 43 characters whose last one carries non-zero unused bits.
    String bad = CODE.substring(0, 42) + "B";
    String good = CODE.substring(0, 42) + "A";
    boolean goodCanonical = ActivationCodes.isWellFormed(good);
    assertTrue(goodCanonical);
    assertFalse(ActivationCodes.isWellFormed(bad));
  }

  @Test
  void namesTheMissingParameter() {
    InvalidActivationUriException e =
        assertThrows(
            InvalidActivationUriException.class,
            () ->
                ActivationUri.parse(
                    "gfmis-softtoken://enroll?v=1&server=https%3A%2F%2Fa.example&code=" + CODE));
    assertEquals("Invalid activation URI: missing parameter realm", e.getMessage());
  }

  @Test
  void namesAnUnsupportedVersion() {
    InvalidActivationUriException e =
        assertThrows(
            InvalidActivationUriException.class,
            () ->
                ActivationUri.parse(
                    "gfmis-softtoken://enroll?v=9&server=https%3A%2F%2Fa.example&realm=r&code="
                        + CODE));
    assertTrue(e.getMessage().contains("unsupported protocol version 9"), e.getMessage());
  }
}
