package th.gfmis.keycloak.softtoken.server.keys;

import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.keys.Attributes;
import org.keycloak.keys.KeyProvider;
import org.keycloak.models.RealmModel;

/**
 * One EC P-256 realm key of the bundle's own (the Soft Token CA, the Web Push VAPID key): the
 * private key from the component's config, loaded once per component model (kept in its notes),
 * never with a public key, so that it stays out of the realm's JWKS. A subclass names the key and
 * adds what is its own ({@link #complete}).
 */
public abstract class PrivateEcKeyProvider implements KeyProvider {

  private static final Logger LOG = Logger.getLogger(PrivateEcKeyProvider.class);

  private final KeyWrapper key;

  protected PrivateEcKeyProvider(ComponentModel model, String description) {
    KeyWrapper cached = model.getNote(KeyWrapper.class.getName());
    if (cached == null) {
      cached = load(model, description);
      if (cached != null) {
        model.setNote(KeyWrapper.class.getName(), cached);
      }
    }
    this.key = cached;
  }

  /** Sets the key id, the algorithm and anything else the key carries besides its private half. */
  protected abstract void complete(KeyWrapper wrapper, ComponentModel model) throws Exception;

  private KeyWrapper load(ComponentModel model, String description) {
    try {
      KeyWrapper wrapper = new KeyWrapper();
      wrapper.setProviderId(model.getId());
      wrapper.setProviderPriority(model.get(Attributes.PRIORITY_KEY, 0L));
      wrapper.setUse(KeyUse.SIG);
      wrapper.setType(KeyType.EC);
      wrapper.setStatus(
          KeyStatus.from(
              model.get(Attributes.ACTIVE_KEY, true), model.get(Attributes.ENABLED_KEY, true)));
      wrapper.setPrivateKey(
          KeyFactory.getInstance("EC")
              .generatePrivate(
                  new PKCS8EncodedKeySpec(
                      Base64.getDecoder().decode(model.get(Attributes.PRIVATE_KEY_KEY)))));
      complete(wrapper, model);
      return wrapper;
    } catch (Exception e) {
      LOG.warnf("Cannot load the %s %s: %s", description, model.getName(), e.toString());
      return null;
    }
  }

  @Override
  public Stream<KeyWrapper> getKeysStream() {
    return key == null ? Stream.empty() : Stream.of(key);
  }

  /**
   * A realm's first key of provider {@code providerId}, priority 0, added on first use (a key
   * provider factory's {@code createFallbackKeys}); the factory's {@code validateConfiguration}
   * generates its key material.
   */
  public static void addFallback(RealmModel realm, String providerId) {
    ComponentModel component = new ComponentModel();
    component.setName(providerId);
    component.setParentId(realm.getId());
    component.setProviderId(providerId);
    component.setProviderType(KeyProvider.class.getName());
    MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
    config.putSingle(Attributes.PRIORITY_KEY, "0");
    component.setConfig(config);
    realm.addComponentModel(component);
  }
}
