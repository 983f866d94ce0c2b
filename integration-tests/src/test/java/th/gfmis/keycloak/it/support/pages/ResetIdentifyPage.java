package th.gfmis.keycloak.it.support.pages;

import th.gfmis.keycloak.it.support.Pages;

/** Forgotten password, first page (R-F1): user ID, citizen ID and e-mail. */
public final class ResetIdentifyPage extends GfmisPage {

  public static final String FORM = "gfmis-reset-identify-form";
  public static final String INSTRUCTION = "gfmis-reset-instruction";
  public static final String REQUEST_OTP = "gfmis-request-otp";

  public ResetIdentifyPage(Pages pages) {
    super(pages);
  }

  @Override
  String pageId() {
    return FORM;
  }

  public String instruction() {
    return pages.text(INSTRUCTION);
  }

  /** Fills the three fields and presses "request OTP". */
  public void submit(String userId, String citizenId, String email) {
    pages.type("userId", userId);
    pages.type("citizenId", citizenId);
    pages.type("email", email);
    pages.click(REQUEST_OTP);
  }
}
