package th.gfmis.keycloak.authenticators.reset;

import th.gfmis.keycloak.core.GfmisAuthenticatorFactory;

public class ResetEmailOtpAuthenticatorFactory extends GfmisAuthenticatorFactory {

  public static final String PROVIDER_ID = "gfmis-reset-email-otp";

  public ResetEmailOtpAuthenticatorFactory() {
    super(
        PROVIDER_ID,
        "GFMIS: e-mail OTP",
        "Forgotten password, step 2: e-mails a one-time code with a reference to the registered"
            + " address and checks it. Lifetime, wrong guesses and the resend interval are settings.",
        ResetSettings.otpProperties(),
        ResetSettings.RULES,
        new ResetEmailOtpAuthenticator());
  }
}
