package th.gfmis.keycloak.core.mail;

/** The e-mails of this project: subject message key and template file in the e-mail theme. */
public enum GfmisEmail {
  RESET_OTP("gfmisResetOtpSubject", "gfmis-reset-otp.ftl"),
  TEMPORARY_PASSWORD("gfmisTemporaryPasswordSubject", "gfmis-temporary-password.ftl"),
  PASSWORD_CHANGED("gfmisPasswordChangedSubject", "gfmis-password-changed.ftl"),
  SOFTTOKEN_ENROLLED("gfmisSoftTokenEnrolledSubject", "gfmis-softtoken-device.ftl"),
  SOFTTOKEN_REPLACED("gfmisSoftTokenReplacedSubject", "gfmis-softtoken-device.ftl"),
  SOFTTOKEN_REVOKED("gfmisSoftTokenRevokedSubject", "gfmis-softtoken-device.ftl"),
  SOFTTOKEN_DENIED("gfmisSoftTokenDeniedSubject", "gfmis-softtoken-denied.ftl"),
  REGISTRATION_OTP("gfmisRegistrationOtpSubject", "gfmis-registration-otp.ftl"),
  REGISTRATION_APPROVED("gfmisRegistrationApprovedSubject", "gfmis-registration-decision.ftl"),
  REGISTRATION_REJECTED("gfmisRegistrationRejectedSubject", "gfmis-registration-decision.ftl"),
  REGISTRATION_HOLDER_CHANGED(
      "gfmisRegistrationHolderChangedSubject", "gfmis-registration-holder-changed.ftl");

  private final String subjectKey;
  private final String templateFile;

  GfmisEmail(String subjectKey, String templateFile) {
    this.subjectKey = subjectKey;
    this.templateFile = templateFile;
  }

  public String subjectKey() {
    return subjectKey;
  }

  public String templateFile() {
    return templateFile;
  }
}
