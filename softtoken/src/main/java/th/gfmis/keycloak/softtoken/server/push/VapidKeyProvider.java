package th.gfmis.keycloak.softtoken.server.push;

import org.keycloak.component.ComponentModel;
import org.keycloak.crypto.KeyWrapper;
import th.gfmis.keycloak.softtoken.server.keys.PrivateEcKeyProvider;

/**
 * One VAPID key of a realm (see {@link VapidKeyProviderFactory}). Its key id is the public key
 * itself (uncompressed point, base64url): that is what devices subscribe with.
 */
public class VapidKeyProvider extends PrivateEcKeyProvider {

  VapidKeyProvider(ComponentModel model) {
    super(model, "VAPID key");
  }

  @Override
  protected void complete(KeyWrapper wrapper, ComponentModel model) {
    wrapper.setKid(VapidKeys.publicPoint(model.get(VapidKeyProviderFactory.PUBLIC_KEY)));
    wrapper.setAlgorithm(VapidKeys.ALGORITHM);
  }
}
