package th.gfmis.keycloak.core.events;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;

/**
 * The bundle's event vocabulary: every detail key, step, error and logout reason that its providers
 * add to Keycloak's events, beside Keycloak's own {@link Details} and {@link
 * org.keycloak.events.Errors} where Keycloak has the word. docs/events.md lists when each event is
 * sent. No value here ever carries a citizen ID, an OTP, a password or a file's content: an e-mail
 * address appears only masked, an OTP only by its reference code.
 */
public final class GfmisEvents {

  /** Detail: which step of a flow the event belongs to (values in {@link Step}). */
  public static final String STEP = "gfmis_step";

  /** Detail: the reference code printed beside an e-mailed OTP (never the OTP itself). */
  public static final String REFERENCE = "reference";

  /** Detail: how many browser sessions were ended. */
  public static final String SESSIONS_ENDED = "gfmis_sessions_ended";

  /** Detail: how many offline sessions (offline tokens) were revoked. */
  public static final String OFFLINE_SESSIONS_ENDED = "gfmis_offline_sessions_ended";

  /** Detail: the serial number of a Soft Token device's certificate. */
  public static final String SOFTTOKEN_SERIAL = "gfmis_softtoken_serial";

  /** Detail: the serial number a renewal replaced. */
  public static final String SOFTTOKEN_PREVIOUS_SERIAL = "gfmis_softtoken_previous_serial";

  /** Detail: the name the device gave itself at enrollment. */
  public static final String SOFTTOKEN_DEVICE = "gfmis_softtoken_device";

  /** Detail: why an enrollment was allowed (first device with a grant, approval, ...). */
  public static final String ENROLLMENT_BASIS = "gfmis_enrollment_basis";

  /** Detail: "attached", or why the assignment order was refused (never the file or its name). */
  public static final String ASSIGNMENT_ORDER = "gfmis_order";

  /** Detail: a registration's id in the bundle's tables. */
  public static final String REGISTRATION_ID = "gfmis_registration_id";

  /** Detail: a registration's kind (new holder, holder change, ...). */
  public static final String REGISTRATION_KIND = "gfmis_registration_kind";

  /** Detail: a registration's status after the event. */
  public static final String REGISTRATION_STATUS = "gfmis_registration_status";

  private GfmisEvents() {}

  /** Values of {@link #STEP}. */
  public static final class Step {
    public static final String PASSWORD = "password";
    public static final String OTP_SENT = "otp_sent";
    public static final String OTP_CHECK = "otp_check";
    public static final String OTP_VERIFIED = "otp_verified";
    public static final String TEMPORARY_PASSWORD_SENT = "temporary_password_sent";
    public static final String TEMPORARY_PASSWORD_CHANGED = "temporary_password_changed";
    public static final String SOFTTOKEN = "softtoken";
    public static final String SOFTTOKEN_APPROVED = "softtoken_approved";
    public static final String SOFTTOKEN_ENROLL = "softtoken_enroll";
    public static final String SOFTTOKEN_ENROLLED = "softtoken_enrolled";
    public static final String SOFTTOKEN_RENEWED = "softtoken_renewed";
    public static final String REVOKED_BY_DEVICE = "revoked_by_device";
    public static final String REVOKED_BY_HOLDER_CHANGE = "revoked_by_holder_change";
    public static final String REGISTRATION_IDENTIFY = "identify";
    public static final String REGISTRATION_IDENTIFIED = "identified";
    public static final String IDENTITY_PROOFING = "identity_proofing";
    public static final String REGISTRATION_CONFIRM = "confirm";
    public static final String REGISTRATION_SUBMITTED = "submitted";
    public static final String REGISTRATION_STATUS = "status";
    public static final String HOLDER_CHANGE_APPROVED = "holder_change_approved";

    private Step() {}
  }

  /** Event errors the bundle sends where Keycloak's {@link org.keycloak.events.Errors} has none. */
  public static final class ErrorCode {
    public static final String TOO_MANY_ATTEMPTS = "too_many_attempts";
    public static final String CITIZEN_ID_NOT_CONFIGURED = "gfmis_citizen_id_not_configured";
    public static final String PASSWORD_NOT_SAVED = "password_not_saved";
    public static final String SOFTTOKEN_CERTIFICATE_EXPIRED =
        "gfmis_softtoken_certificate_expired";
    public static final String ENROLLMENT_NOT_ALLOWED = "gfmis_enrollment_not_allowed";
    public static final String REGISTRATION_OPEN = "registration_open";
    public static final String PROOFING_NOT_CONFIGURED = "proofing_not_configured";
    public static final String INVALID_STATE = "invalid_state";
    public static final String SESSION_NOT_FOUND = "session_not_found";

    private static final String SOFTTOKEN_PREFIX = "gfmis_softtoken_";
    private static final String PROOFING_PREFIX = "proofing_";

    private ErrorCode() {}

    /** A refused Soft Token approval: {@code gfmis_softtoken_denied}, {@code ..._expired}, ... */
    public static String softToken(String outcome) {
      return SOFTTOKEN_PREFIX + outcome;
    }

    /** A failed identity proofing: {@code proofing_} and the proofing result in lower case. */
    public static String proofing(String result) {
      return PROOFING_PREFIX + result;
    }
  }

  /** Values of Keycloak's {@link Details#REASON} on the LOGOUT events of ended sessions. */
  public static final class Reason {
    public static final String TEMPORARY_PASSWORD_SENT = "temporary_password_sent";
    public static final String SOFTTOKEN_REVOKED = "gfmis_softtoken_revoked";

    private Reason() {}
  }

  /** A copy of a flow's event, of type {@code type}, at step {@code step}. */
  public static EventBuilder step(EventBuilder flowEvent, EventType type, String step) {
    return flowEvent.clone().event(type).detail(STEP, step);
  }
}
