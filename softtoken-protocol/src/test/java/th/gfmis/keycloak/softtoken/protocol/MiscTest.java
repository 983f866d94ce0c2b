package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static th.gfmis.keycloak.softtoken.protocol.TestSupport.assertRefused;

import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MiscTest {

  @Test
  void errorCodesAndStatuses() {
    assertEquals("invalid_csr", SoftTokenError.INVALID_CSR.code());
    assertEquals(400, SoftTokenError.INVALID_REQUEST.httpStatus());
    assertEquals(401, SoftTokenError.INVALID_SIGNATURE.httpStatus());
    assertEquals(403, SoftTokenError.CERTIFICATE_REVOKED.httpStatus());
    assertEquals(404, SoftTokenError.CHALLENGE_NOT_FOUND.httpStatus());
    assertEquals(409, SoftTokenError.REPLAYED.httpStatus());
    assertEquals(410, SoftTokenError.CHALLENGE_EXPIRED.httpStatus());
    assertEquals(413, SoftTokenError.REQUEST_TOO_LARGE.httpStatus());
    assertEquals(Optional.of(SoftTokenError.WRONG_NUMBER), SoftTokenError.fromCode("wrong_number"));
    assertEquals(Optional.empty(), SoftTokenError.fromCode("WRONG_NUMBER"));
    Set<String> codes = new HashSet<>();
    for (SoftTokenError e : SoftTokenError.values()) {
      codes.add(e.code());
      assertEquals(e, SoftTokenError.fromCode(e.code()).orElseThrow());
    }
    assertEquals(SoftTokenError.values().length, codes.size());
  }

  @Test
  void bodyLimit() throws Exception {
    byte[] ok = new byte[SoftTokenProtocol.MAX_REQUEST_BODY_BYTES];
    assertArrayEquals(ok, RequestBodies.readLimited(new ByteArrayInputStream(ok)));
    byte[] big = new byte[SoftTokenProtocol.MAX_REQUEST_BODY_BYTES + 1];
    assertRefused(
        SoftTokenError.REQUEST_TOO_LARGE,
        () -> RequestBodies.readLimited(new ByteArrayInputStream(big)));
  }

  @Test
  void base64Url() {
    assertEquals("AQID", Base64Urls.encode(new byte[] {1, 2, 3}));
    assertArrayEquals(new byte[] {1, 2, 3}, Base64Urls.decode("AQID"));
    assertThrows(IllegalArgumentException.class, () -> Base64Urls.decode("AQI="));
    assertThrows(IllegalArgumentException.class, () -> Base64Urls.decode("AQ+D"));
    assertThrows(IllegalArgumentException.class, () -> Base64Urls.decode("AR"));
    assertThrows(IllegalArgumentException.class, () -> Base64Urls.decode(""));
    assertArrayEquals(new byte[] {1}, Base64Urls.decode("AQ"));
  }

  @Test
  void decisions() {
    assertEquals(Optional.of(Decision.APPROVE), Decision.fromWire("approve"));
    assertEquals(Optional.of(Decision.DENY), Decision.fromWire("deny"));
    assertEquals(Optional.empty(), Decision.fromWire("Approve"));
    assertEquals(Optional.empty(), Decision.fromWire(null));
  }
}
