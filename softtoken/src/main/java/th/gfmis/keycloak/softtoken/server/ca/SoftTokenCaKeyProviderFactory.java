package th.gfmis.keycloak.softtoken.server.ca;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
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
import th.gfmis.keycloak.softtoken.protocol.Certificates;
import th.gfmis.keycloak.softtoken.protocol.DeviceKeys;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenCa;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;
import th.gfmis.keycloak.softtoken.server.keys.PrivateEcKeyProvider;

/**
 * Realm key provider {@value #ID} ("Keys" &gt; "Add provider" in the admin console): a per-realm
 * Soft Token CA, an EC P-256 key with a self-signed CA certificate, generated when the component is
 * created. Its algorithm label is {@value SoftTokenCaKeys#ALGORITHM}, so Keycloak never picks it to
 * sign tokens, and it publishes no public key (it stays out of the realm's JWKS).
 *
 * <p>Rotation: add a second component with a higher priority. New devices are issued by the active
 * key with the highest priority; devices enrolled under an older key keep working as long as that
 * key stays enabled (certificates are checked against the CA whose key id equals their authority
 * key identifier). Disabling or deleting an old key revokes its devices.
 *
 * <p>A realm without such a key gets one on first use ({@link #createFallbackKeys}), so a realm
 * export needs no key material.
 */
public class SoftTokenCaKeyProviderFactory implements KeyProviderFactory<SoftTokenCaKeyProvider> {

  public static final String ID = "gfmis-softtoken-ca";

  static final String SUBJECT_KEY = "caSubject";
  static final String LIFETIME_DAYS_KEY = "caLifetimeDays";

  private static final ProviderConfigProperty SUBJECT_PROPERTY =
      new ProviderConfigProperty(
          SUBJECT_KEY,
          "CA subject",
          "Distinguished name of the CA certificate, used when the key is generated. Default:"
              + " CN=GFMIS Soft Token CA,O=<realm>.",
          ProviderConfigProperty.STRING_TYPE,
          null);

  private static final ProviderConfigProperty LIFETIME_PROPERTY =
      new ProviderConfigProperty(
          LIFETIME_DAYS_KEY,
          "CA lifetime (days)",
          "Validity of the generated CA certificate. Device certificates never outlive it.",
          ProviderConfigProperty.STRING_TYPE,
          String.valueOf(SoftTokenProtocol.DEFAULT_CA_CERTIFICATE_LIFETIME.toDays()));

  private static final List<ProviderConfigProperty> PROPERTIES =
      ProviderConfigurationBuilder.create()
          .property(Attributes.PRIORITY_PROPERTY)
          .property(Attributes.ENABLED_PROPERTY)
          .property(Attributes.ACTIVE_PROPERTY)
          .property(SUBJECT_PROPERTY)
          .property(LIFETIME_PROPERTY)
          .build();

  @Override
  public SoftTokenCaKeyProvider create(KeycloakSession session, ComponentModel model) {
    return new SoftTokenCaKeyProvider(model);
  }

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public String getHelpText() {
    return "GFMIS Soft Token CA: an EC P-256 key and self-signed CA certificate that issues the"
        + " device certificates of \"Get Certificate\". Never used to sign tokens.";
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
        .checkBoolean(Attributes.ACTIVE_PROPERTY, false)
        .checkLong(LIFETIME_PROPERTY, false);
    if (model.get(Attributes.PRIVATE_KEY_KEY) == null
        || model.get(Attributes.CERTIFICATE_KEY) == null) {
      generate(realm, model);
    }
  }

  private static void generate(RealmModel realm, ComponentModel model) {
    SecureRandom random = new SecureRandom();
    KeyPair keys = DeviceKeys.generate(random);
    String subject = model.get(SUBJECT_KEY);
    if (subject == null || subject.isBlank()) {
      subject = "CN=GFMIS Soft Token CA,O=" + realm.getName().replaceAll("[,+=\"\\\\<>;#]", "_");
    }
    long days =
        model.get(LIFETIME_DAYS_KEY, SoftTokenProtocol.DEFAULT_CA_CERTIFICATE_LIFETIME.toDays());
    X509Certificate certificate;
    try {
      certificate =
          SoftTokenCa.createCaCertificate(
              keys, subject, Instant.now(), Duration.ofDays(days), random);
    } catch (IllegalArgumentException e) {
      throw new ComponentValidationException("Invalid CA subject: " + e.getMessage());
    }
    model.put(
        Attributes.PRIVATE_KEY_KEY,
        Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
    model.put(Attributes.CERTIFICATE_KEY, Certificates.toBase64(certificate));
  }

  /**
   * Creates this realm's Soft Token CA the first time one is needed: called by Keycloak's key
   * manager when no active key has the label {@value SoftTokenCaKeys#ALGORITHM}.
   */
  @Override
  public boolean createFallbackKeys(KeycloakSession session, KeyUse keyUse, String algorithm) {
    if (!SoftTokenCaKeys.ALGORITHM.equals(algorithm) || keyUse != KeyUse.SIG) {
      return false;
    }
    PrivateEcKeyProvider.addFallback(session.getContext().getRealm(), ID);
    return true;
  }
}
