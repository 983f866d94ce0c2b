package th.gfmis.keycloak.core;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * What this project's authenticators have in common, as Keycloak's own abstract authenticators
 * ({@code AbstractFormAuthenticator}, {@code AbstractIdpAuthenticator}) keep it for theirs: a step
 * that runs once the user is known, that every user can go through, that sets up no required action
 * and holds nothing to close (a factory's {@code create} returns one shared, stateless instance). A
 * step that runs before the user is known overrides {@link #requiresUser}; one that needs something
 * of the user overrides {@link #configuredFor}.
 */
public abstract class AbstractGfmisAuthenticator implements Authenticator {

  @Override
  public boolean requiresUser() {
    return true;
  }

  @Override
  public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
    return true;
  }

  @Override
  public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {}

  @Override
  public void close() {}
}
