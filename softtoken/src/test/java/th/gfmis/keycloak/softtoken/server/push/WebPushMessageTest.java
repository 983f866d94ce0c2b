package th.gfmis.keycloak.softtoken.server.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.interaso.webpush.WebPush;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.softtoken.protocol.ChallengePush;

class WebPushMessageTest {

  @Test
  void theLargestMessageEncryptsToTheWebPushLimit() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    ECPublicKey browser = (ECPublicKey) generator.generateKeyPair().getPublic();
    byte[] point = VapidKeys.uncompressed(browser);
    byte[] auth = new byte[16];
    new SecureRandom().nextBytes(auth);
    WebPush push =
        new WebPush("mailto:postmaster@localhost", com.interaso.webpush.VapidKeys.generate());
    byte[] body = push.getBody(new byte[ChallengePush.MAX_PLAINTEXT_BYTES], point, auth);
    assertEquals(4096, body.length);
  }
}
