package th.gfmis.keycloak.registration.flow;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.LoginActionsService;
import th.gfmis.keycloak.core.AbstractGfmisAuthenticator;
import th.gfmis.keycloak.registration.Registration;
import th.gfmis.keycloak.registration.RegistrationStatus;
import th.gfmis.keycloak.registration.RegistrationStore;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenDevices;
import th.gfmis.keycloak.softtoken.server.enroll.EnrollmentGrants;

/**
 * The sign-in's look-up of a registration (R-R4), after the password: a user with neither a Soft
 * Token device nor an enrollment grant whose registration is still open (New, Request, Reject) sees
 * its status page instead of Get Certificate, and from New or Reject can go and fix it. Everyone
 * else passes through untouched. It never signs anyone in while the registration is open.
 */
public class PendingRegistrationAuthenticator extends AbstractGfmisAuthenticator {

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    Optional<Registration> open = openRegistration(context);
    if (open.isEmpty()) {
      context.success();
      return;
    }
    context.challenge(
        RegistrationStatusAuthenticator.page(context, open)
            .createForm(RegistrationStatusAuthenticator.TEMPLATE));
  }

  /** "Fix the registration": on to the registration pages, which resume the open registration. */
  @Override
  public void action(AuthenticationFlowContext context) {
    String action = context.getHttpRequest().getDecodedFormParameters().getFirst(FlowNotes.ACTION);
    if (!RegistrationStatusAuthenticator.ACTION_FIX.equals(action)) {
      authenticate(context);
      return;
    }
    URI registration =
        LoginActionsService.registrationFormProcessor(context.getUriInfo())
            .queryParam("client_id", context.getAuthenticationSession().getClient().getClientId())
            .queryParam("tab_id", context.getAuthenticationSession().getTabId())
            .build(context.getRealm().getName());
    context.challenge(Response.seeOther(registration).build());
  }

  private static Optional<Registration> openRegistration(AuthenticationFlowContext context) {
    UserModel user = context.getUser();
    if (SoftTokenDevices.current(user).isPresent()
        || EnrollmentGrants.holding(user, Instant.now()).isPresent()) {
      return Optional.empty();
    }
    return context
        .getSession()
        .getProvider(RegistrationStore.class)
        .latestFor(context.getRealm(), user)
        .filter(found -> found.status() != RegistrationStatus.APPROVED);
  }
}
