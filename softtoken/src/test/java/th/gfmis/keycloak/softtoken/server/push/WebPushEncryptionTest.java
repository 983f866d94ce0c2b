package th.gfmis.keycloak.softtoken.server.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.interaso.webpush.CryptoKt;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPrivateKeySpec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.softtoken.protocol.Base64Urls;
import th.gfmis.keycloak.softtoken.protocol.ChallengePush;

class WebPushEncryptionTest {

  /** RFC 8291, section 5 and appendix A: the example's keys, salt and encrypted message. */
  private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";

  private static final String SERVER_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
  private static final String SERVER_PUBLIC =
      "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
  private static final String SUBSCRIPTION_KEY =
      "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
  private static final String AUTH_SECRET = "BTBZMqHH6r4Tts7J_aSIgg";
  private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
  private static final String MESSAGE =
      "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

  @Test
  void encryptsTheRfcExampleByteForByte() throws Exception {
    ECPublicKey serverPublic =
        CryptoKt.generatePublicKeyFromUncompressedBytes(Base64Urls.decode(SERVER_PUBLIC));
    KeyPair serverKeys =
        new KeyPair(
            serverPublic,
            KeyFactory.getInstance("EC")
                .generatePrivate(
                    new ECPrivateKeySpec(
                        new BigInteger(1, Base64Urls.decode(SERVER_PRIVATE)),
                        serverPublic.getParams())));
    byte[] body =
        WebPushEncryption.encrypt(
            PLAINTEXT.getBytes(StandardCharsets.UTF_8),
            Base64Urls.decode(SUBSCRIPTION_KEY),
            Base64Urls.decode(AUTH_SECRET),
            serverKeys,
            Base64Urls.decode(SALT));
    assertEquals(MESSAGE, Base64Urls.encode(body));
  }

  @Test
  void everyMessageHasItsOwnKeyAndSaltAndTheLargestFitsTheWebPushLimit() throws Exception {
    byte[] subscription = Base64Urls.decode(SUBSCRIPTION_KEY);
    byte[] auth = Base64Urls.decode(AUTH_SECRET);
    byte[] plaintext = new byte[ChallengePush.MAX_PLAINTEXT_BYTES];
    SecureRandom random = new SecureRandom();
    byte[] first = WebPushEncryption.encrypt(plaintext, subscription, auth, random);
    byte[] second = WebPushEncryption.encrypt(plaintext, subscription, auth, random);
    assertEquals(4096, first.length);
    assertNotEquals(
        Base64Urls.encode(Arrays.copyOf(first, 86)), Base64Urls.encode(Arrays.copyOf(second, 86)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            WebPushEncryption.encrypt(new byte[plaintext.length + 1], subscription, auth, random));
  }

  @Test
  void refusesASubscriptionKeyThatIsNotAPointOfTheCurve() throws Exception {
    byte[] offCurve = Base64Urls.decode(SUBSCRIPTION_KEY);
    offCurve[64] ^= 1;
    assertThrows(
        GeneralSecurityException.class,
        () -> WebPushEncryption.encrypt(new byte[10], offCurve, new byte[16], new SecureRandom()));
    assertThrows(
        GeneralSecurityException.class,
        () ->
            WebPushEncryption.encrypt(
                new byte[10], new byte[65], new byte[16], new SecureRandom()));
  }
}
