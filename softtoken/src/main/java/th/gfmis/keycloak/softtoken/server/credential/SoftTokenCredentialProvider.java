package th.gfmis.keycloak.softtoken.server.credential;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollSoftTokenActionFactory;

/**
 * Soft Token devices as Keycloak credentials, so that the account console lists the holder's device
 * (name, enrolled date) and lets them remove it, and administrators see and remove it on the user's
 * Credentials tab. Removing the credential is revoking the certificate: a certificate is accepted
 * only while it is its user's current credential ({@link SoftTokenDevices}).
 */
public class SoftTokenCredentialProvider implements CredentialProvider<SoftTokenCredentialModel> {

  /** Message key (login and account themes) of the credential type's name. */
  public static final String DISPLAY_NAME = "gfmis-softtoken-display-name";

  /** Message key of the credential type's help text. */
  public static final String HELP_TEXT = "gfmis-softtoken-help-text";

  private final KeycloakSession session;

  public SoftTokenCredentialProvider(KeycloakSession session) {
    this.session = session;
  }

  @Override
  public String getType() {
    return SoftTokenCredentialModel.TYPE;
  }

  @Override
  public CredentialModel createCredential(
      RealmModel realm, UserModel user, SoftTokenCredentialModel credentialModel) {
    return user.credentialManager().createStoredCredential(credentialModel);
  }

  @Override
  public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
    return user.credentialManager().removeStoredCredentialById(credentialId);
  }

  @Override
  public SoftTokenCredentialModel getCredentialFromModel(CredentialModel model) {
    return SoftTokenCredentialModel.from(model);
  }

  @Override
  public CredentialTypeMetadata getCredentialTypeMetadata(
      CredentialTypeMetadataContext metadataContext) {
    return CredentialTypeMetadata.builder()
        .type(getType())
        .category(CredentialTypeMetadata.Category.TWO_FACTOR)
        .displayName(DISPLAY_NAME)
        .helpText(HELP_TEXT)
        .iconCssClass("kcAuthenticatorOTPClass")
        .createAction(EnrollSoftTokenActionFactory.PROVIDER_ID)
        .removeable(true)
        .build(session);
  }
}
