package th.gfmis.keycloak.registration.web;

import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import th.gfmis.keycloak.registration.RegistrationUris;
import th.gfmis.keycloak.registration.flow.IdentifySubmissionResource;
import th.gfmis.keycloak.registration.proofing.ProofingCallbackResource;

/**
 * The browser requests of a registration that Keycloak's login actions cannot take: the first
 * page's form with its file, and the return from the proofing service. Each finds its
 * authentication session by a {@link th.gfmis.keycloak.registration.SessionTicket} and sends the
 * browser back into the flow.
 */
public class RegistrationEndpoints implements RealmResourceProvider {

  private final KeycloakSession session;

  public RegistrationEndpoints(KeycloakSession session) {
    this.session = session;
  }

  @Override
  public Object getResource() {
    return this;
  }

  @Path(RegistrationUris.IDENTIFY)
  public IdentifySubmissionResource identify() {
    return new IdentifySubmissionResource(session);
  }

  @Path(RegistrationUris.PROOFING_CALLBACK)
  public ProofingCallbackResource proofingCallback() {
    return new ProofingCallbackResource(session);
  }

  @Override
  public void close() {}
}
