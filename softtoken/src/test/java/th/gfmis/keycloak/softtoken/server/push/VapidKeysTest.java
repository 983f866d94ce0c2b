package th.gfmis.keycloak.softtoken.server.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.keys.Attributes;

class VapidKeysTest {

  private static ComponentModel component() {
    ComponentModel model = new ComponentModel();
    model.setId("vapid-1");
    model.setName(VapidKeyProviderFactory.ID);
    model.setConfig(new MultivaluedHashMap<>());
    return model;
  }

  private static KeyWrapper load(ComponentModel model) {
    return new VapidKeyProviderFactory()
        .create(null, model)
        .getKeysStream()
        .findFirst()
        .orElse(null);
  }

  @Test
  void aKeyPairIsMadeOnceAndItsPublicKeyIsTheKeyId() throws Exception {
    VapidKeyProviderFactory factory = new VapidKeyProviderFactory();
    ComponentModel model = component();
    factory.validateConfiguration(null, null, model);
    String publicKey = model.get(VapidKeyProviderFactory.PUBLIC_KEY);
    String privateKey = model.get(Attributes.PRIVATE_KEY_KEY);
    assertTrue(publicKey.matches("B[A-Za-z0-9_-]{86}"), publicKey);

    // Saving the component again keeps its keys.
    factory.validateConfiguration(null, null, model);
    assertEquals(publicKey, model.get(VapidKeyProviderFactory.PUBLIC_KEY));
    assertEquals(privateKey, model.get(Attributes.PRIVATE_KEY_KEY));

    KeyWrapper key = load(model);
    assertEquals(publicKey, key.getKid());
    assertEquals(VapidKeys.ALGORITHM, key.getAlgorithm());
    assertEquals(KeyUse.SIG, key.getUse());
    assertNull(key.getPublicKey(), "no public key, so nothing in the realm's JWKS");

    // The stored halves belong together: what the private key signs, the public key verifies.
    VapidKeys.Active active =
        new VapidKeys.Active(key.getKid(), (ECPrivateKey) key.getPrivateKey());
    byte[] message = "vapid".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(active.privateKey());
    signer.update(message);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(active.publicKey());
    verifier.update(message);
    assertTrue(verifier.verify(signature));
  }

  @Test
  void twoComponentsGetDifferentKeys() throws Exception {
    ComponentModel first = component();
    ComponentModel second = component();
    new VapidKeyProviderFactory().validateConfiguration(null, null, first);
    new VapidKeyProviderFactory().validateConfiguration(null, null, second);
    assertTrue(
        !first
            .get(VapidKeyProviderFactory.PUBLIC_KEY)
            .equals(second.get(VapidKeyProviderFactory.PUBLIC_KEY)));
  }

  @Test
  void aDamagedStoredKeyIsNotOffered() throws Exception {
    ComponentModel model = component();
    new VapidKeyProviderFactory().validateConfiguration(null, null, model);
    model.put(VapidKeyProviderFactory.PUBLIC_KEY, "BAAA");
    assertNull(load(model));
    ComponentModel garbage = component();
    new VapidKeyProviderFactory().validateConfiguration(null, null, garbage);
    garbage.put(Attributes.PRIVATE_KEY_KEY, "bm90IGEga2V5");
    assertNull(load(garbage));
  }
}
