package th.gfmis.keycloak.it.support.pages;

import th.gfmis.keycloak.it.support.Pages;

/** Registration, confirm page: the summary, the OTP (and a new holder's password), "Confirm". */
public final class RegistrationConfirmPage extends GfmisPage {

  public static final String FORM = "gfmis-registration-confirm-form";
  public static final String SUBMIT = "gfmis-registration-submit";
  public static final String RESEND = "gfmis-resend-otp";
  public static final String REFERENCE = "gfmis-reference";
  public static final String USER_ID = "gfmis-summary-user-id";
  public static final String CID = "gfmis-summary-cid";
  public static final String ORDER = "gfmis-summary-order";

  public RegistrationConfirmPage(Pages pages) {
    super(pages);
  }

  @Override
  String pageId() {
    return FORM;
  }

  /** Enters the OTP and, when not null, a new holder's password twice. */
  public void type(String otp, String password) {
    pages.type("otp", otp);
    if (password != null) {
      pages.type("password", password);
      pages.type("password-confirm", password);
    }
  }

  public void submit() {
    pages.click(SUBMIT);
  }

  public void resend() {
    pages.click(RESEND);
  }

  /** The reference of the mailed OTP. */
  public String reference() {
    return pages.text(REFERENCE);
  }

  public String userId() {
    return pages.text(USER_ID);
  }

  /** The citizen ID as the summary shows it (masked). */
  public String citizenId() {
    return pages.text(CID);
  }

  /** What the summary says about the order file. */
  public String order() {
    return pages.text(ORDER);
  }
}
