package th.gfmis.keycloak.softtoken.server.ca;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
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
import th.gfmis.keycloak.softtoken.protocol.Certificates;

/** One Soft Token CA key of a realm (see {@link SoftTokenCaKeyProviderFactory}). */
public class SoftTokenCaKeyProvider implements KeyProvider {

  private static final Logger LOG = Logger.getLogger(SoftTokenCaKeyProvider.class);

  private final KeyWrapper key;

  SoftTokenCaKeyProvider(ComponentModel model) {
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
      PrivateKey privateKey =
          KeyFactory.getInstance("EC")
              .generatePrivate(
                  new PKCS8EncodedKeySpec(
                      Base64.getDecoder().decode(model.get(Attributes.PRIVATE_KEY_KEY))));
      X509Certificate certificate = Certificates.fromBase64(model.get(Attributes.CERTIFICATE_KEY));
      KeyWrapper wrapper = new KeyWrapper();
      wrapper.setProviderId(model.getId());
      wrapper.setProviderPriority(model.get(Attributes.PRIORITY_KEY, 0L));
      wrapper.setKid(SoftTokenCaKeys.keyId(certificate));
      wrapper.setUse(KeyUse.SIG);
      wrapper.setType(KeyType.EC);
      wrapper.setAlgorithm(SoftTokenCaKeys.ALGORITHM);
      wrapper.setStatus(
          KeyStatus.from(
              model.get(Attributes.ACTIVE_KEY, true), model.get(Attributes.ENABLED_KEY, true)));
      wrapper.setPrivateKey(privateKey);
      // No public key on purpose: the CA is published only as a certificate, never in the JWKS.
      wrapper.setCertificate(certificate);
      return wrapper;
    } catch (Exception e) {
      LOG.warnf("Cannot load the Soft Token CA key %s: %s", model.getName(), e.toString());
      return null;
    }
  }

  @Override
  public Stream<KeyWrapper> getKeysStream() {
    return key == null ? Stream.empty() : Stream.of(key);
  }
}
