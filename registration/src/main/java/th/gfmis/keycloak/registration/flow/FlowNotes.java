package th.gfmis.keycloak.registration.flow;

/** Authentication-session notes of regflow's steps, beside the shared {@code RegistrationNotes}. */
final class FlowNotes {

  /** The e-mail address entered on the first page; confirmed by OTP on the confirm page. */
  static final String EMAIL = "gfmis-reg-email";

  /** The serialized {@link th.gfmis.keycloak.domain.EmailOtp} awaiting entry. */
  static final String OTP = "gfmis-reg-otp";

  /** Id of the realm key the OTP was hashed under. */
  static final String OTP_KEY_ID = "gfmis-reg-otp-kid";

  /** Form parameter naming the button pressed. */
  static final String ACTION = "action";

  private FlowNotes() {}
}
