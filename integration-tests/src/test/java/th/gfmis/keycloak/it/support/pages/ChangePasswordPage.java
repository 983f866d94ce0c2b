package th.gfmis.keycloak.it.support.pages;

import th.gfmis.keycloak.it.support.Pages;

/** The forced change of a temporary password after signing in with it. */
public final class ChangePasswordPage extends GfmisPage {

  public static final String INSTRUCTION = "gfmis-change-instruction";
  public static final String CHANGE = "gfmis-change-password";

  public ChangePasswordPage(Pages pages) {
    super(pages);
  }

  @Override
  String pageId() {
    return INSTRUCTION;
  }

  /** Types the new password and its confirmation and presses "change". */
  public void change(String password, String confirmation) {
    pages.type("password-new", password);
    pages.type("password-confirm", confirmation);
    pages.click(CHANGE);
  }
}
