package th.gfmis.keycloak.it.support;

/** The forgotten-password pages, step by step, for tests that need to get somewhere quickly. */
public final class ResetSteps {

  private final Pages pages;
  private final String realmUrl;

  public ResetSteps(Pages pages, String realmUrl) {
    this.pages = pages;
    this.realmUrl = realmUrl;
  }

  /** A fresh browser session on the forgotten-password form of the GFMIS client. */
  public GfmisClient openForm(String locale) {
    GfmisClient client = new GfmisClient(realmUrl);
    pages.open(client.authorizationUrl(locale));
    pages.clickForgotPassword();
    pages.awaitShown("gfmis-reset-identify-form");
    return client;
  }

  public void identify(Holder holder) {
    pages.submitIdentity(holder.userId(), holder.citizenId(), holder.email());
  }

  /** Identifies the holder and returns the reference code of the OTP the page asks for. */
  public String requestOtp(Holder holder) {
    identify(holder);
    pages.awaitShown("gfmis-reference");
    return pages.text("gfmis-reference");
  }

  public void verifyOtp(String otp) {
    pages.submitOtp(otp);
    pages.awaitShown("gfmis-data-confirmed");
  }

  /** Asks for the temporary password and waits for the login page that says where it went. */
  public void requestTemporaryPassword() {
    pages.click("gfmis-request-password");
    pages.awaitShown("kc-login");
  }
}
