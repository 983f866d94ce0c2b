package th.gfmis.keycloak.authenticators.reset;

/** Authentication-session notes of the forgotten-password flow; cleared when the flow restarts. */
final class ResetNotes {

  /** The serialized {@link th.gfmis.keycloak.domain.EmailOtp} awaiting entry. */
  static final String OTP = "gfmis.reset.otp";

  /** Id of the realm HMAC key the OTP was hashed under. */
  static final String OTP_KEY_ID = "gfmis.reset.otp.kid";

  /** Reference code of the OTP that was verified, carried into the new-password e-mail. */
  static final String VERIFIED_REFERENCE = "gfmis.reset.verified";

  /** Form parameter naming the button pressed. */
  static final String ACTION = "action";

  static final String ACTION_EDIT = "edit";

  private ResetNotes() {}
}
