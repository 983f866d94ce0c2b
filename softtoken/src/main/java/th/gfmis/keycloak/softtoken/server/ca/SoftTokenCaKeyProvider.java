package th.gfmis.keycloak.softtoken.server.ca;

import java.security.cert.X509Certificate;
import org.keycloak.component.ComponentModel;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.keys.Attributes;
import th.gfmis.keycloak.softtoken.protocol.Certificates;
import th.gfmis.keycloak.softtoken.server.keys.PrivateEcKeyProvider;

/**
 * One Soft Token CA key of a realm (see {@link SoftTokenCaKeyProviderFactory}), published only as
 * its certificate.
 */
public class SoftTokenCaKeyProvider extends PrivateEcKeyProvider {

  SoftTokenCaKeyProvider(ComponentModel model) {
    super(model, "Soft Token CA key");
  }

  @Override
  protected void complete(KeyWrapper wrapper, ComponentModel model) throws Exception {
    X509Certificate certificate = Certificates.fromBase64(model.get(Attributes.CERTIFICATE_KEY));
    wrapper.setKid(SoftTokenCaKeys.keyId(certificate));
    wrapper.setAlgorithm(SoftTokenCaKeys.ALGORITHM);
    wrapper.setCertificate(certificate);
  }
}
