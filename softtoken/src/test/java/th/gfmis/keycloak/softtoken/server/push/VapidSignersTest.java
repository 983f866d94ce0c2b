package th.gfmis.keycloak.softtoken.server.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;
import th.gfmis.keycloak.softtoken.protocol.Base64Urls;

class VapidSignersTest {

  private static final String SUBJECT = "mailto:gfmis@example.go.th";
  private static final String FCM = "https://fcm.googleapis.com/fcm/send/abc";
  private static final String MOZILLA = "https://updates.push.services.mozilla.com/wpush/v2/xyz";

  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-27T03:00:00Z"));
  private final VapidSigners signers = new VapidSigners(clock);
  private KeyPair pair;
  private VapidKeys.Active vapid;

  @BeforeEach
  void newKey() throws Exception {
    pair = newPair();
    vapid = active(pair);
  }

  @Test
  void aSenderIsBuiltOncePerKeyAndContact() throws Exception {
    assertSame(signers.sender(vapid, SUBJECT), signers.sender(vapid, SUBJECT));
    assertNotSame(signers.sender(vapid, SUBJECT), signers.sender(vapid, "mailto:other@go.th"));
    assertNotSame(signers.sender(vapid, SUBJECT), signers.sender(active(newPair()), SUBJECT));
  }

  @Test
  void theTokenIsSignedByTheRealmKeyForThePushServiceAndRunsTwelveHours() throws Exception {
    Map<String, String> headers = signers.headers(vapid, SUBJECT, FCM, 90);
    String token = token(headers);
    String[] parts = token.split("\\.");
    Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
    verifier.initVerify(pair.getPublic());
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(verifier.verify(Base64Urls.decode(parts[2])));
    Map<?, ?> claims = JsonSerialization.readValue(Base64Urls.decode(parts[1]), Map.class);
    assertEquals("https://fcm.googleapis.com", claims.get("aud"));
    assertEquals(SUBJECT, claims.get("sub"));
    long expiresIn = ((Number) claims.get("exp")).longValue() - Instant.now().getEpochSecond();
    assertTrue(Math.abs(expiresIn - Duration.ofHours(12).toSeconds()) < 60, "exp in " + expiresIn);
    assertTrue(headers.get("Authorization").endsWith(", k=" + vapid.applicationServerKey()));
    assertEquals("90", headers.get("TTL"));
    assertEquals("high", headers.get("Urgency"));
  }

  @Test
  void aTokenIsReusedForAnHourThenRenewed() {
    String first = token(signers.headers(vapid, SUBJECT, FCM, 60));
    clock.advance(VapidSigners.TOKEN_REUSE.minusSeconds(1));
    assertEquals(first, token(signers.headers(vapid, SUBJECT, FCM + "/other-device", 60)));
    clock.advance(Duration.ofSeconds(1));
    assertNotEquals(first, token(signers.headers(vapid, SUBJECT, FCM, 60)));
  }

  @Test
  void eachPushServiceAndEachKeyGetsItsOwnToken() throws Exception {
    String fcm = token(signers.headers(vapid, SUBJECT, FCM, 60));
    assertNotEquals(fcm, token(signers.headers(vapid, SUBJECT, MOZILLA, 60)));
    assertNotEquals(fcm, token(signers.headers(active(newPair()), SUBJECT, FCM, 60)));
  }

  private static String token(Map<String, String> headers) {
    String authorization = headers.get("Authorization");
    return authorization.substring("vapid t=".length(), authorization.indexOf(','));
  }

  private static KeyPair newPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static VapidKeys.Active active(KeyPair pair) {
    return new VapidKeys.Active(
        Base64Urls.encode(VapidKeys.uncompressed((ECPublicKey) pair.getPublic())),
        (ECPrivateKey) pair.getPrivate());
  }

  private static final class SettableClock extends Clock {
    private Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
