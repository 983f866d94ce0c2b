package th.gfmis.keycloak.authenticators.reset;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.core.AbstractGfmisAuthenticator;

/**
 * A step of the forgotten-password flow after the holder was identified: it needs the user and
 * their registered e-mail address, and sets up nothing for them.
 */
abstract class ResetStep extends AbstractGfmisAuthenticator {

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return user.getEmail() != null;
  }
}
