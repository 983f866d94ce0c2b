package th.gfmis.keycloak.it.support.pages;

import th.gfmis.keycloak.it.support.Pages;

/**
 * One GFMIS page as a test sees it: its element ids as constants of the subclass, what a person
 * does there as methods. Reading and acting go through {@link Pages}, so every page is checked for
 * accessibility first. Like the page objects of Keycloak's test framework, a page is known by the
 * id of an element only it has.
 */
abstract class GfmisPage {

  protected final Pages pages;

  GfmisPage(Pages pages) {
    this.pages = pages;
  }

  /** The id of an element that only this page shows. */
  abstract String pageId();

  /** Waits until the browser shows this page. */
  public void await() {
    pages.awaitShown(pageId());
  }

  /** Fails with what the page says unless the browser shows this page. */
  public void assertShown() {
    pages.assertShown(pageId());
  }

  public boolean isShown() {
    return pages.isShown(pageId());
  }
}
