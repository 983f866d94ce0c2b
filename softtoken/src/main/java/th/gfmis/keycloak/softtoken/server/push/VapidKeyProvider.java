package th.gfmis.keycloak.softtoken.server.push;

import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.keys.Attributes;
import org.keycloak.keys.KeyProvider;

/**
 * One VAPID key of a realm (see {@link VapidKeyProviderFactory}). Its key id is the public key
 * itself (uncompressed point, base64url): that is what devices subscribe with.
 */
public class VapidKeyProvider implements KeyProvider {

  private static final Logger LOG = Logger.getLogger(VapidKeyProvider.class);

  private final KeyWrapper key;

  VapidKeyProvider(ComponentModel model) {
    KeyWrapper cached = model.getNote(KeyWrapper.class.getName());
    if (cached == null) {
      cached = load(model);
      if (cached != null) {
        model.setNote(KeyWrapper.class.getName(), cached);
      }
    }
    this.key = cached;
  }

  private static KeyWrapper load(ComponentModel model) {
    try {
      KeyWrapper wrapper = new KeyWrapper();
      wrapper.setProviderId(model.getId());
      wrapper.setProviderPriority(model.get(Attributes.PRIORITY_KEY, 0L));
      wrapper.setKid(VapidKeys.publicPoint(model.get(VapidKeyProviderFactory.PUBLIC_KEY)));
      wrapper.setUse(KeyUse.SIG);
      wrapper.setType(KeyType.EC);
      wrapper.setAlgorithm(VapidKeys.ALGORITHM);
      wrapper.setStatus(
          KeyStatus.from(
              model.get(Attributes.ACTIVE_KEY, true), model.get(Attributes.ENABLED_KEY, true)));
      wrapper.setPrivateKey(
          KeyFactory.getInstance("EC")
              .generatePrivate(
                  new PKCS8EncodedKeySpec(
                      Base64.getDecoder().decode(model.get(Attributes.PRIVATE_KEY_KEY)))));
      // No public key on purpose: it stays out of the realm's JWKS.
      return wrapper;
    } catch (Exception e) {
      LOG.warnf("Cannot load the VAPID key %s: %s", model.getName(), e.toString());
      return null;
    }
  }

  @Override
  public Stream<KeyWrapper> getKeysStream() {
    return key == null ? Stream.empty() : Stream.of(key);
  }
}
