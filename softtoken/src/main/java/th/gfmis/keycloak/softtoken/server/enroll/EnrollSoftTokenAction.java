package th.gfmis.keycloak.softtoken.server.enroll;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.keycloak.authentication.CredentialRegistrator;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.core.events.GfmisEvents;
import th.gfmis.keycloak.softtoken.protocol.ActivationUri;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenCredentialModel;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenDevices;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenSessions;
import th.gfmis.keycloak.softtoken.server.login.BrowserStatusUrl;
import th.gfmis.keycloak.softtoken.server.state.Activations;
import th.gfmis.keycloak.softtoken.server.state.BrowserPolls;

/**
 * "Get Certificate" (R-R5): shows a QR code (and the same activation URI as a link) carrying a
 * one-time activation code; the page polls until the device has enrolled, then shows the device's
 * name and continues. A new code replaces the previous one whenever the page is drawn again.
 *
 * <p>A code is issued only when {@link EnrollmentRule} allows a new device in this sign-in;
 * otherwise the page explains how to get one (approve on the current phone, or re-registration /
 * the administrator for a lost phone). As a {@link CredentialRegistrator}, a {@code kc_action}
 * request for it makes Keycloak ask for the Soft Token level when the user has a device, so the
 * holder approves on the current phone before replacing it.
 */
public class EnrollSoftTokenAction implements RequiredActionProvider, CredentialRegistrator {

  static final String TEMPLATE = "gfmis-softtoken-enroll.ftl";
  static final String NOTE_CODE_HASH = "gfmis-softtoken-code-hash";
  static final String NOTE_POLL = "gfmis-softtoken-enroll-poll";
  static final String NOTE_ENROLLED = "gfmis-softtoken-enrolled";

  /**
   * Authentication note set by the Soft Token step when it sends a user without a device here: the
   * user came through the Soft Token level, not a password-level sign-in.
   */
  public static final String NOTE_SETUP = "gfmis-softtoken-setup";

  static final String REFUSED_TEMPLATE = "gfmis-softtoken-enroll-refused.ftl";
  static final String ACTION_CANCEL = "cancel";
  static final String ACTION = "action";
  static final String ACTION_CONTINUE = "continue";
  static final String ACTION_NEW_CODE = "new-code";
  static final String ENROLLED = "enrolled";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public void evaluateTriggers(RequiredActionContext context) {}

  /** The account console and applications may start it ({@code kc_action}): a new phone. */
  @Override
  public InitiatedActionSupport initiatedActionSupport() {
    return InitiatedActionSupport.SUPPORTED;
  }

  @Override
  public String getCredentialType(KeycloakSession session, AuthenticationSessionModel authSession) {
    return SoftTokenCredentialModel.TYPE;
  }

  @Override
  public void requiredActionChallenge(RequiredActionContext context) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    if (isLeftOverOnUser(authSession)) {
      // Earlier releases put this action on the user; a password-level sign-in is not sent here.
      context.success();
      return;
    }
    String enrolled = authSession.getAuthNote(NOTE_ENROLLED);
    if (enrolled != null && SoftTokenDevices.current(context.getUser()).isPresent()) {
      showDone(context, enrolled);
      return;
    }
    showCode(context, null);
  }

  private static boolean isLeftOverOnUser(AuthenticationSessionModel authSession) {
    return authSession.getAuthNote(NOTE_SETUP) == null
        && !EnrollSoftTokenActionFactory.PROVIDER_ID.equals(
            authSession.getClientNote(Constants.KC_ACTION));
  }

  @Override
  public void processAction(RequiredActionContext context) {
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    String action = context.getHttpRequest().getDecodedFormParameters().getFirst(ACTION);
    String enrolled = authSession.getAuthNote(NOTE_ENROLLED);
    if (ACTION_CONTINUE.equals(action)
        && enrolled != null
        && SoftTokenDevices.current(context.getUser()).isPresent()) {
      authSession.removeAuthNote(NOTE_ENROLLED);
      // The sign-in that enrolled the device ends at the Soft Token level too.
      SoftTokenSessions.markApproved(
          authSession, SoftTokenDevices.current(context.getUser()).get().serial());
      GfmisEvents.step(
              context.getEvent(), EventType.UPDATE_CREDENTIAL, GfmisEvents.Step.SOFTTOKEN_ENROLLED)
          .success();
      context.success();
      return;
    }
    if (ACTION_NEW_CODE.equals(action)) {
      showCode(context, null);
      return;
    }
    if (ACTION_CANCEL.equals(action)
        && EnrollSoftTokenActionFactory.PROVIDER_ID.equals(
            authSession.getClientNote(Constants.KC_ACTION))) {
      context.cancel();
      return;
    }
    BrowserPolls polls = new BrowserPolls(context.getSession().singleUseObjects());
    String handle = authSession.getAuthNote(NOTE_POLL);
    BrowserPolls.Poll poll = handle == null ? null : polls.read(handle);
    if (poll != null && ENROLLED.equals(poll.state())) {
      polls.forget(handle);
      authSession.removeAuthNote(NOTE_POLL);
      authSession.removeAuthNote(NOTE_CODE_HASH);
      String deviceName = poll.detail() == null ? "" : poll.detail();
      authSession.setAuthNote(NOTE_ENROLLED, deviceName);
      showDone(context, deviceName);
      return;
    }
    boolean expired = poll == null || poll.ready(Instant.now());
    showCode(context, expired ? "gfmisSoftTokenCodeExpired" : "gfmisSoftTokenNotYet");
  }

  private static void showCode(RequiredActionContext context, String message) {
    EnrollmentSettings settings = EnrollmentSettings.of(context.getRealm());
    AuthenticationSessionModel authSession = context.getAuthenticationSession();
    SingleUseObjectProvider store = context.getSession().singleUseObjects();
    Activations activations = new Activations(store, context.getRealm());
    BrowserPolls polls = new BrowserPolls(store);
    activations.withdraw(authSession.getAuthNote(NOTE_CODE_HASH));
    polls.forget(authSession.getAuthNote(NOTE_POLL));
    authSession.removeAuthNote(NOTE_CODE_HASH);
    authSession.removeAuthNote(NOTE_POLL);

    Instant now = Instant.now();
    Optional<EnrollmentBasis> basis = EnrollmentRule.inSignIn(context.getUser(), authSession, now);
    if (basis.isEmpty()) {
      showRefused(context);
      return;
    }
    String poll = polls.open(RANDOM, now, now.plus(settings.activationCodeTtl()));
    Activations.Issued issued =
        activations.issue(
            RANDOM,
            context.getUser().getId(),
            basis.get().encode(),
            settings.activationCodeTtl(),
            settings.certificateLifetime(),
            poll,
            now);
    authSession.setAuthNote(NOTE_CODE_HASH, issued.hash());
    authSession.setAuthNote(NOTE_POLL, poll);

    ActivationUri activation =
        new ActivationUri(
            BrowserStatusUrl.serverBase(context.getSession()),
            context.getRealm().getName(),
            issued.code());
    // The https form: a phone's camera opens it in the web app; every client parses both forms.
    String uri = activation.toHttpsLink();
    LoginFormsProvider form =
        context
            .form()
            .setAttribute("gfmisQrImage", QrImages.pngDataUri(uri))
            .setAttribute("gfmisActivationUri", uri)
            .setAttribute("gfmisActivationMinutes", settings.activationCodeTtl().toMinutes())
            .setAttribute(
                "gfmisStatusUrl",
                BrowserStatusUrl.of(context.getSession(), context.getRealm(), poll));
    if (message != null) {
      form.setInfo(message);
    }
    context.challenge(form.createForm(TEMPLATE));
  }

  /** No code: explains how to get a new device in the holder's situation. */
  private static void showRefused(RequiredActionContext context) {
    boolean hasDevice = SoftTokenDevices.current(context.getUser()).isPresent();
    boolean neverHadOne =
        !hasDevice
            && context
                .getUser()
                .getAttributeStream(SoftTokenDevices.SERIALS_ATTRIBUTE)
                .findAny()
                .isEmpty();
    boolean cancellable =
        EnrollSoftTokenActionFactory.PROVIDER_ID.equals(
            context.getAuthenticationSession().getClientNote(Constants.KC_ACTION));
    GfmisEvents.step(
            context.getEvent(),
            EventType.UPDATE_CREDENTIAL_ERROR,
            GfmisEvents.Step.SOFTTOKEN_ENROLL)
        .error(GfmisEvents.ErrorCode.ENROLLMENT_NOT_ALLOWED);
    context.challenge(
        context
            .form()
            .setAttribute("gfmisHasDevice", hasDevice)
            .setAttribute("gfmisFirstDevice", neverHadOne)
            .setAttribute("gfmisCancellable", cancellable)
            .createForm(REFUSED_TEMPLATE));
  }

  private static void showDone(RequiredActionContext context, String deviceName) {
    context.challenge(
        context.form().setAttribute("gfmisEnrolledDevice", deviceName).createForm(TEMPLATE));
  }

  @Override
  public void close() {}
}
