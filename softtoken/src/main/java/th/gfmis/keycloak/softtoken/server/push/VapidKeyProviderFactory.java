package th.gfmis.keycloak.softtoken.server.push;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.List;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.crypto.KeyUse;
import org.keycloak.keys.Attributes;
import org.keycloak.keys.KeyProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ConfigurationValidationHelper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import th.gfmis.keycloak.softtoken.protocol.Base64Urls;
import th.gfmis.keycloak.softtoken.protocol.DeviceKeys;
import th.gfmis.keycloak.softtoken.server.keys.PrivateEcKeyProvider;

/**
 * Realm key provider {@value #ID}: the realm's VAPID key pair (RFC 8292), EC P-256, generated when
 * the component is created and kept in it. A realm gets one the first time Web Push needs it
 * ({@link #createFallbackKeys}); rotating means adding one with a higher priority (devices then
 * subscribe again when the app next opens). Its algorithm label keeps it away from token signing,
 * and it publishes no key in the realm's JWKS: devices get the public key from {@code GET device}.
 */
public class VapidKeyProviderFactory implements KeyProviderFactory<VapidKeyProvider> {

  public static final String ID = "gfmis-softtoken-vapid";

  /** Component config: the public key, an uncompressed point in base64url. */
  static final String PUBLIC_KEY = "vapidPublicKey";

  private static final List<ProviderConfigProperty> PROPERTIES =
      ProviderConfigurationBuilder.create()
          .property(Attributes.PRIORITY_PROPERTY)
          .property(Attributes.ENABLED_PROPERTY)
          .property(Attributes.ACTIVE_PROPERTY)
          .build();

  @Override
  public VapidKeyProvider create(KeycloakSession session, ComponentModel model) {
    return new VapidKeyProvider(model);
  }

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getHelpText() {
    return "GFMIS Soft Token Web Push: the realm's VAPID key (EC P-256) that signs push requests."
        + " Never used to sign tokens.";
  }

  @Override
  public List<ProviderConfigProperty> getConfigProperties() {
    return PROPERTIES;
  }

  @Override
  public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
      throws ComponentValidationException {
    ConfigurationValidationHelper.check(model)
        .checkLong(Attributes.PRIORITY_PROPERTY, false)
        .checkBoolean(Attributes.ENABLED_PROPERTY, false)
        .checkBoolean(Attributes.ACTIVE_PROPERTY, false);
    if (model.get(Attributes.PRIVATE_KEY_KEY) == null || model.get(PUBLIC_KEY) == null) {
      KeyPair keys = DeviceKeys.generate(new SecureRandom());
      model.put(
          Attributes.PRIVATE_KEY_KEY,
          Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
      model.put(
          PUBLIC_KEY, Base64Urls.encode(VapidKeys.uncompressed((ECPublicKey) keys.getPublic())));
    }
  }

  @Override
  public boolean createFallbackKeys(KeycloakSession session, KeyUse keyUse, String algorithm) {
    if (!VapidKeys.ALGORITHM.equals(algorithm) || keyUse != KeyUse.SIG) {
      return false;
    }
    PrivateEcKeyProvider.addFallback(session.getContext().getRealm(), ID);
    return true;
  }
}
