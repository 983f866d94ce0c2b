package th.gfmis.keycloak.it.support.pages;

import th.gfmis.keycloak.it.support.Pages;

/** Forgotten password, the OTP page: the reference of the mailed code, the code, resend, edit. */
public final class ResetOtpPage extends GfmisPage {

  public static final String FORM = "gfmis-reset-otp-form";
  public static final String REFERENCE = "gfmis-reference";
  public static final String SENT = "gfmis-otp-sent";
  public static final String VERIFY = "gfmis-verify-otp";
  public static final String RESEND = "gfmis-resend-otp";
  public static final String EDIT = "gfmis-edit";

  public ResetOtpPage(Pages pages) {
    super(pages);
  }

  @Override
  String pageId() {
    return REFERENCE;
  }

  /** Waits for the reference of a sent code and returns it. */
  public String awaitReference() {
    await();
    return reference();
  }

  public String reference() {
    return pages.text(REFERENCE);
  }

  /** The line that says where the code went (the masked e-mail address). */
  public String sentTo() {
    return pages.text(SENT);
  }

  /** Waits for the resend button (also the only button when no mail could be sent). */
  public void awaitResend() {
    pages.awaitShown(RESEND);
  }

  public String resendLabel() {
    return pages.text(RESEND);
  }

  public void resend() {
    pages.click(RESEND);
  }

  /** Types the code and presses "verify". */
  public void submit(String code) {
    pages.type("otp", code);
    pages.click(VERIFY);
  }

  /** "Edit data": back to the first page. */
  public void edit() {
    pages.click(EDIT);
  }
}
