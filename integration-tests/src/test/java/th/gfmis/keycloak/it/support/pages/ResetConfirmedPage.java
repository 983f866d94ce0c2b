package th.gfmis.keycloak.it.support.pages;

import th.gfmis.keycloak.it.support.Pages;

/** Forgotten password, after the code: the data is confirmed, a temporary password can be sent. */
public final class ResetConfirmedPage extends GfmisPage {

  public static final String CONFIRMED = "gfmis-data-confirmed";
  public static final String FORM = "gfmis-reset-confirmed-form";
  public static final String REQUEST_PASSWORD = "gfmis-request-password";
  public static final String EDIT = "gfmis-edit";

  public ResetConfirmedPage(Pages pages) {
    super(pages);
  }

  @Override
  String pageId() {
    return CONFIRMED;
  }

  /** The confirmation the page shows. */
  public String text() {
    return pages.text(CONFIRMED);
  }

  /** Presses "send a temporary password". */
  public void requestPassword() {
    pages.click(REQUEST_PASSWORD);
  }

  /** Where the form posts (for requests the browser would not send by itself). */
  public String formAction() {
    return pages.attribute(FORM, "action");
  }
}
