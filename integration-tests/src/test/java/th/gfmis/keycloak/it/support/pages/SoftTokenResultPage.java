package th.gfmis.keycloak.it.support.pages;

import th.gfmis.keycloak.it.support.Pages;

/** The page that ends a refused Soft Token sign-in (denied, timed out, ...): retry or restart. */
public final class SoftTokenResultPage extends GfmisPage {

  public static final String RESULT = "gfmis-softtoken-result";
  public static final String RETRY = "gfmis-softtoken-retry";
  public static final String RESTART = "gfmis-softtoken-restart";

  public SoftTokenResultPage(Pages pages) {
    super(pages);
  }

  @Override
  String pageId() {
    return RESULT;
  }

  /** Waits for the page and returns its reason ({@code data-reason}). */
  public String awaitReason() {
    await();
    return pages.attribute(RESULT, "data-reason");
  }

  public boolean offersRetry() {
    return pages.isShown(RETRY);
  }

  /** "Try again": a new number on the approval page. */
  public void retry() {
    pages.click(RETRY);
  }

  /** "Start over": back to the sign-in page. */
  public void restart() {
    pages.click(RESTART);
  }
}
