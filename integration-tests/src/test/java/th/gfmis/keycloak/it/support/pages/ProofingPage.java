package th.gfmis.keycloak.it.support.pages;

import th.gfmis.keycloak.it.support.Pages;

/** Registration, identity proofing: the way to ThaID, and the reason when it went wrong. */
public final class ProofingPage extends GfmisPage {

  public static final String START = "gfmis-proofing-start";

  public ProofingPage(Pages pages) {
    super(pages);
  }

  @Override
  String pageId() {
    return START;
  }

  /** Goes to ThaID. */
  public void start() {
    pages.click(START);
  }
}
