package th.gfmis.keycloak.it.support.pages;

import th.gfmis.keycloak.it.support.Pages;

/** Soft Token sign-in: the number to confirm on the phone, while the page waits. */
public final class SoftTokenApprovePage extends GfmisPage {

  public static final String NUMBER = "gfmis-softtoken-number";
  public static final String INSTRUCTION = "gfmis-softtoken-approve-instruction";
  public static final String CHECK = "gfmis-softtoken-check";
  public static final String WAITING = "gfmis-softtoken-waiting";

  public SoftTokenApprovePage(Pages pages) {
    super(pages);
  }

  @Override
  String pageId() {
    return NUMBER;
  }

  /** What the page asks the holder to do with the number. */
  public String instruction() {
    return pages.text(INSTRUCTION);
  }

  /** Waits for the number and returns it. */
  public int number() {
    await();
    return Integer.parseInt(pages.text(NUMBER).strip());
  }
}
