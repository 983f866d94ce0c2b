package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PushSubscriptionRequestTest {

  private static final String AUTH = Base64Urls.encode(new byte[16]);

  private static String p256dh() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
    byte[] point = new byte[65];
    point[0] = 4;
    copy(key.getW().getAffineX().toByteArray(), point, 1);
    copy(key.getW().getAffineY().toByteArray(), point, 33);
    return Base64Urls.encode(point);
  }

  private static void copy(byte[] unsigned, byte[] into, int offset) {
    int start = Math.max(0, unsigned.length - 32);
    int length = unsigned.length - start;
    System.arraycopy(unsigned, start, into, offset + 32 - length, length);
  }

  private static PushSubscriptionRequest request(String endpoint, String p256dh, String auth) {
    return new PushSubscriptionRequest(endpoint, new PushSubscriptionRequest.Keys(p256dh, auth));
  }

  private static String refusal(PushSubscriptionRequest request) {
    SoftTokenProtocolException e =
        assertThrows(SoftTokenProtocolException.class, request::validate);
    assertEquals(SoftTokenError.INVALID_REQUEST, e.error());
    return e.getMessage();
  }

  @Test
  void aBrowsersSubscriptionIsAccepted() throws Exception {
    String key = p256dh();
    PushSubscriptionRequest request =
        request("https://fcm.googleapis.com/fcm/send/abc:DEF-123", key, AUTH);
    request.validate();
    assertEquals("fcm.googleapis.com", request.endpointUri().getHost());
    assertArrayEquals(Base64Urls.decode(key), request.p256dhBytes());
    assertEquals(16, request.authBytes().length);
    // Padded base64url, as some browsers send it, is the same key.
    request("https://push.example/x", key + "=", AUTH + "==").validate();
  }

  @Test
  void endpointsThatAreNoPushServiceUrlAreRefused() throws Exception {
    String key = p256dh();
    for (String endpoint :
        new String[] {
          "ftp://push.example/x",
          "file:///etc/passwd",
          "/relative/path",
          "https://user:secret@push.example/x",
          "https://push.example/x#fragment",
          "https:///no-host",
          "https://push.example/" + "a".repeat(PushSubscriptionRequest.MAX_ENDPOINT_LENGTH),
          "",
        }) {
      refusal(request(endpoint, key, AUTH));
    }
    refusal(request(null, key, AUTH));
  }

  @Test
  void garbageOversizedAndOffCurveKeysAreRefused() throws Exception {
    String key = p256dh();
    String endpoint = "https://push.example/x";
    byte[] offCurve = Base64Urls.decode(key);
    offCurve[64] ^= 1;
    byte[] compressedTag = Base64Urls.decode(key);
    compressedTag[0] = 2;
    byte[] zeros = new byte[65];
    zeros[0] = 4;
    for (String bad :
        new String[] {
          "not base64!",
          Base64Urls.encode(new byte[64]),
          Base64Urls.encode(new byte[66]),
          "A".repeat(100_000),
          Base64Urls.encode(offCurve),
          Base64Urls.encode(compressedTag),
          Base64Urls.encode(zeros),
        }) {
      refusal(request(endpoint, bad, AUTH));
    }
    for (String bad :
        new String[] {
          Base64Urls.encode(new byte[15]), Base64Urls.encode(new byte[32]), "#%", "A".repeat(5000)
        }) {
      refusal(request(endpoint, key, bad));
    }
    assertEquals(
        "Missing keys.",
        assertThrows(
                SoftTokenProtocolException.class,
                () -> new PushSubscriptionRequest(endpoint, null).validate())
            .getMessage());
    refusal(request(endpoint, null, AUTH));
    refusal(request(endpoint, Arrays.toString(new byte[3]), AUTH));
  }

  @Test
  void theBrowsersJsonReadsWithItsExtraMembers() throws Exception {
    String json =
        "{\"endpoint\":\"https://push.example/x\",\"expirationTime\":null,"
            + "\"keys\":{\"p256dh\":\""
            + p256dh()
            + "\",\"auth\":\""
            + AUTH
            + "\"}}";
    SoftTokenJson.read(
            json.getBytes(java.nio.charset.StandardCharsets.UTF_8), PushSubscriptionRequest.class)
        .validate();
  }
}
