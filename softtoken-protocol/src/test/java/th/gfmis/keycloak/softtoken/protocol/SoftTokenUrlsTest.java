package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SoftTokenUrlsTest {

  @Test
  void deviceApiBase() {
    assertEquals(
        "https://sso.example/realms/gfmis/gfmis-softtoken/",
        SoftTokenUrls.deviceApiBase("https://sso.example/", "gfmis").toString());
    assertEquals(
        "https://sso.example/auth/realms/a%20b%2Fc/gfmis-softtoken/",
        SoftTokenUrls.deviceApiBase("https://sso.example/auth", "a b/c").toString());
    assertEquals(
        "https://sso.example/realms/gfmis/gfmis-softtoken/challenges/abc_-1/response",
        SoftTokenUrls.deviceApiBase("https://sso.example", "gfmis")
            .resolve(SoftTokenProtocol.challengeResponsePath("abc_-1"))
            .toString());
    assertThrows(
        IllegalArgumentException.class, () -> SoftTokenProtocol.challengeResponsePath("../x"));
  }

  @Test
  void htuNormalisation() {
    assertEquals("https://a.example/", SoftTokenUrls.normalizeHtu("HTTPS://A.EXAMPLE:443"));
    assertEquals(
        "http://a.example:8080/x", SoftTokenUrls.normalizeHtu("http://a.example:8080/x?q"));
    assertEquals(
        "https://a.example/a%2Fb/~c", SoftTokenUrls.normalizeHtu("https://a.example/a%2fb/%7Ec"));
    assertThrows(IllegalArgumentException.class, () -> SoftTokenUrls.normalizeHtu("/relative"));
    assertThrows(IllegalArgumentException.class, () -> SoftTokenUrls.normalizeHtu("ftp://a/"));
    assertThrows(IllegalArgumentException.class, () -> SoftTokenUrls.normalizeHtu("https://u@a/"));
  }

  @Test
  void serverBaseUrl() {
    assertEquals(
        "https://a.example/auth", SoftTokenUrls.normalizeServerBaseUrl("https://a.example/auth/"));
    assertThrows(
        IllegalArgumentException.class,
        () -> SoftTokenUrls.normalizeServerBaseUrl("https://a.example/#x"));
    assertThrows(
        IllegalArgumentException.class,
        () -> SoftTokenUrls.normalizeServerBaseUrl("http://192.168.1.2:8080"));
    assertEquals(
        "http://127.0.0.1:8080", SoftTokenUrls.normalizeServerBaseUrl("http://127.0.0.1:8080"));
  }

  @Test
  void loopback() {
    assertTrue(SoftTokenUrls.isLoopback("localhost"));
    assertTrue(SoftTokenUrls.isLoopback("127.0.0.2"));
    assertTrue(SoftTokenUrls.isLoopback("[::1]"));
    assertFalse(SoftTokenUrls.isLoopback("10.0.0.1"));
    assertFalse(SoftTokenUrls.isLoopback("localhost.evil.example"));
    assertFalse(SoftTokenUrls.isLoopback("sso.example"));
  }

  @Test
  void pathSegments() {
    assertEquals("%E0%B8%81%20%2B", SoftTokenUrls.encodePathSegment("ก +"));
    assertEquals("ก +", SoftTokenUrls.decodePathSegment("%E0%B8%81%20%2B"));
    assertEquals("a+b", SoftTokenUrls.decodePathSegment("a+b"));
    assertThrows(IllegalArgumentException.class, () -> SoftTokenUrls.decodePathSegment("%4"));
    assertThrows(IllegalArgumentException.class, () -> SoftTokenUrls.decodePathSegment("%G0"));
  }
}
