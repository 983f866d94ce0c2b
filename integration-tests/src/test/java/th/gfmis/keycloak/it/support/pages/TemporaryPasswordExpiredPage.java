package th.gfmis.keycloak.it.support.pages;

import th.gfmis.keycloak.it.support.Pages;

/** Signing in with a temporary password after it expired: only the way back, no new password. */
public final class TemporaryPasswordExpiredPage extends GfmisPage {

  public static final String MESSAGE = "gfmis-temporary-password-expired";

  public TemporaryPasswordExpiredPage(Pages pages) {
    super(pages);
  }

  @Override
  String pageId() {
    return MESSAGE;
  }
}
