package th.gfmis.keycloak.registration;

import java.net.URI;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.util.AuthenticationFlowURLHelper;
import org.keycloak.sessions.AuthenticationSessionModel;

/** Addresses of the registration's own browser endpoints, under {@code /realms/{realm}/}. */
public final class RegistrationUris {

  /** The realm resource's id: {@code /realms/{realm}/gfmis-registration/}. */
  public static final String ROOT = "gfmis-registration";

  /** Where the proofing service sends the browser back: the address to register at ThaID. */
  public static final String PROOFING_CALLBACK = "proofing/callback";

  /** Where the first page posts its fields and the assignment order. */
  public static final String IDENTIFY = "identify";

  private RegistrationUris() {}

  public static URI of(KeycloakSession session, RealmModel realm, String path) {
    return session
        .getContext()
        .getUri()
        .getBaseUriBuilder()
        .path("realms")
        .path(realm.getName())
        .path(ROOT)
        .path(path)
        .build();
  }

  /** The flow's current step of {@code authSession}: where an endpoint sends the browser back. */
  public static URI currentStep(
      KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession) {
    return new AuthenticationFlowURLHelper(session, realm, session.getContext().getUri())
        .getLastExecutionUrl(authSession);
  }
}
