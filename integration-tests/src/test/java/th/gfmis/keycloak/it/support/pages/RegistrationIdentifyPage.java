package th.gfmis.keycloak.it.support.pages;

import java.nio.file.Path;
import org.openqa.selenium.By;
import th.gfmis.keycloak.it.support.Pages;

/** Registration, first page: user ID, citizen ID, the assignment order file and e-mail. */
public final class RegistrationIdentifyPage extends GfmisPage {

  public static final String FORM = "gfmis-registration-identify-form";
  public static final String ORDER = "order";
  public static final String NEXT = "gfmis-registration-next";
  public static final String ORDER_TOO_LARGE = "gfmis-order-too-large";

  public RegistrationIdentifyPage(Pages pages) {
    super(pages);
  }

  @Override
  String pageId() {
    return FORM;
  }

  /** Chooses the order file (the path goes to the file input). */
  public void chooseOrder(Path order) {
    pages.driver().findElement(By.id(ORDER)).sendKeys(order.toAbsolutePath().toString());
  }

  /** Presses "Next" and waits for the page that follows. */
  public void next() {
    pages.click(NEXT);
  }

  /** Presses "Next" without waiting for another page (when the page itself refuses). */
  public void pressNext() {
    pages.driver().findElement(By.id(NEXT)).click();
  }

  /** Waits for the page's own "file too large" message and returns it. */
  public String awaitOrderTooLarge() {
    pages.awaitShown(ORDER_TOO_LARGE);
    return pages.text(ORDER_TOO_LARGE);
  }
}
