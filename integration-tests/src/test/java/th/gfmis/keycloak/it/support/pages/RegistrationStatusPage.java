package th.gfmis.keycloak.it.support.pages;

import th.gfmis.keycloak.it.support.Pages;

/** Registration status (New, Request, Reject, Approved), with the reason and "fix" when refused. */
public final class RegistrationStatusPage extends GfmisPage {

  public static final String STATUS = "gfmis-registration-status";
  public static final String REASON = "gfmis-registration-reason";
  public static final String FIX = "gfmis-registration-fix";

  public RegistrationStatusPage(Pages pages) {
    super(pages);
  }

  @Override
  String pageId() {
    return STATUS;
  }

  /** Waits for the page and returns its status (NEW, REQUEST, REJECT, APPROVED). */
  public String awaitStatus() {
    await();
    return pages.attribute(STATUS, "data-status");
  }

  public String reason() {
    return pages.text(REASON);
  }

  /** Fails with what the page says unless it offers to fix the registration. */
  public void assertFixOffered() {
    pages.assertShown(FIX);
  }

  /** "Fix": back to the first page with the data kept. */
  public void fix() {
    pages.click(FIX);
  }
}
