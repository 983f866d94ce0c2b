package th.gfmis.keycloak.core.password;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import th.gfmis.keycloak.core.ConfigValues;

/**
 * The rules for e-mailed temporary passwords. A user holds one while the required action {@link
 * #REQUIRED_ACTION} is pending; it stops working {@link #lifetime(RealmModel)} after it was set.
 */
public final class TemporaryPasswordPolicy {

  /** Provider id (and alias) of the required action that forces the change. */
  public static final String REQUIRED_ACTION = "gfmis-change-temporary-password";

  /** Required-action option: minutes a temporary password stays usable. */
  public static final String LIFETIME_MINUTES_OPTION = "lifetimeMinutes";

  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);

  private TemporaryPasswordPolicy() {}

  public static Duration lifetime(RealmModel realm) {
    RequiredActionConfigModel config = realm.getRequiredActionConfigByAlias(REQUIRED_ACTION);
    String minutes = config == null ? null : config.getConfigValue(LIFETIME_MINUTES_OPTION);
    return Duration.ofMinutes(ConfigValues.number(minutes, DEFAULT_LIFETIME.toMinutes(), 1));
  }

  /** When the user's current temporary password stops working; empty if they hold none. */
  public static Optional<Instant> expiry(RealmModel realm, UserModel user) {
    if (user.getRequiredActionsStream().noneMatch(REQUIRED_ACTION::equals)) {
      return Optional.empty();
    }
    return user.credentialManager()
        .getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
        .map(CredentialModel::getCreatedDate)
        .filter(created -> created != null)
        .max(Long::compare)
        .map(created -> Instant.ofEpochMilli(created).plus(lifetime(realm)));
  }
}
