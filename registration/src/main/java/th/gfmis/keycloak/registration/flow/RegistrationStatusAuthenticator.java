package th.gfmis.keycloak.registration.flow;

import java.util.Locale;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.core.AbstractGfmisAuthenticator;
import th.gfmis.keycloak.core.events.GfmisEvents;
import th.gfmis.keycloak.domain.ThaiDates;
import th.gfmis.keycloak.registration.Registration;
import th.gfmis.keycloak.registration.RegistrationNotes;
import th.gfmis.keycloak.registration.RegistrationStore;

/**
 * Registration step 4 (R-R4): the registration's status page. It is the last step and never
 * succeeds, so the registration flow never signs anyone in: an approved holder signs in from the
 * login page and is led to Get Certificate.
 */
public class RegistrationStatusAuthenticator extends AbstractGfmisAuthenticator {

  static final String TEMPLATE = "gfmis-registration-status.ftl";
  static final String ACTION_FIX = "fix";

  @Override
  public void authenticate(AuthenticationFlowContext context) {
    context.challenge(page(context).createForm(TEMPLATE));
  }

  @Override
  public void action(AuthenticationFlowContext context) {
    String action = context.getHttpRequest().getDecodedFormParameters().getFirst(FlowNotes.ACTION);
    if (ACTION_FIX.equals(action)) {
      // Back to the first page: the fix goes through the same steps into the same registration.
      context.resetFlow();
      return;
    }
    authenticate(context);
  }

  private static LoginFormsProvider page(AuthenticationFlowContext context) {
    RealmModel realm = context.getRealm();
    RegistrationStore store = context.getSession().getProvider(RegistrationStore.class);
    String id = context.getAuthenticationSession().getAuthNote(RegistrationNotes.REGISTRATION_ID);
    Optional<Registration> registration =
        id == null ? store.latestFor(realm, context.getUser()) : store.byId(realm, id);
    return page(context, registration);
  }

  /** The status page of {@code registration}, or the page without one when it is empty. */
  static LoginFormsProvider page(
      AuthenticationFlowContext context, Optional<Registration> registration) {
    UserModel user = context.getUser();
    LoginFormsProvider form =
        context
            .form()
            .setAttribute("gfmisUserId", RegistrationConfirmAuthenticator.displayUserId(user));
    registration.ifPresent(
        found -> {
          Locale locale = context.getSession().getContext().resolveLocale(user);
          form.setAttribute("gfmisStatus", found.status().name())
              .setAttribute("gfmisKind", found.kind().name())
              .setAttribute(
                  "gfmisSubmittedAt",
                  ThaiDates.format(
                      found.submittedAt().orElse(found.createdAt()), locale, ThaiDates.BANGKOK));
          found.statusReason().ifPresent(reason -> form.setAttribute("gfmisReason", reason));
          context
              .getEvent()
              .clone()
              .event(EventType.REGISTER)
              .user(user)
              .detail(GfmisEvents.STEP, GfmisEvents.Step.REGISTRATION_STATUS)
              .detail(GfmisEvents.REGISTRATION_ID, found.id())
              .detail(GfmisEvents.REGISTRATION_STATUS, found.status().name())
              .success();
        });
    return form;
  }
}
