package th.gfmis.keycloak.it.support;

import th.gfmis.keycloak.it.support.pages.ResetConfirmedPage;
import th.gfmis.keycloak.it.support.pages.ResetIdentifyPage;
import th.gfmis.keycloak.it.support.pages.ResetOtpPage;

/** The forgotten-password pages, step by step, for tests that need to get somewhere quickly. */
public final class ResetSteps {

  private final Pages pages;
  private final String realmUrl;
  private final ResetIdentifyPage identifyPage;
  private final ResetOtpPage otpPage;
  private final ResetConfirmedPage confirmedPage;

  public ResetSteps(Pages pages, String realmUrl) {
    this.pages = pages;
    this.realmUrl = realmUrl;
    this.identifyPage = new ResetIdentifyPage(pages);
    this.otpPage = new ResetOtpPage(pages);
    this.confirmedPage = new ResetConfirmedPage(pages);
  }

  /** A fresh browser session on the forgotten-password form of the GFMIS client. */
  public GfmisClient openForm(String locale) {
    GfmisClient client = new GfmisClient(realmUrl);
    pages.open(client.authorizationUrl(locale));
    pages.clickForgotPassword();
    identifyPage.await();
    return client;
  }

  public void identify(Holder holder) {
    identifyPage.submit(holder.userId(), holder.citizenId(), holder.email());
  }

  /** Identifies the holder and returns the reference code of the OTP the page asks for. */
  public String requestOtp(Holder holder) {
    identify(holder);
    return otpPage.awaitReference();
  }

  public void verifyOtp(String otp) {
    otpPage.submit(otp);
    confirmedPage.await();
  }

  /** Asks for the temporary password and waits for the login page that says where it went. */
  public void requestTemporaryPassword() {
    confirmedPage.requestPassword();
    pages.awaitShown("kc-login");
  }
}
