package th.gfmis.keycloak.it.support.pages;

import th.gfmis.keycloak.it.support.Pages;

/** "Get Certificate" refused: no new device without the administrator's (or a device's) consent. */
public final class EnrollRefusedPage extends GfmisPage {

  public static final String REFUSED = "gfmis-softtoken-enroll-refused";
  public static final String FIRST_DEVICE = "gfmis-softtoken-enroll-refused-first";

  public EnrollRefusedPage(Pages pages) {
    super(pages);
  }

  @Override
  String pageId() {
    return REFUSED;
  }

  /** Whether the page says that the administrator allows a first device. */
  public boolean explainsFirstDevice() {
    return pages.isShown(FIRST_DEVICE);
  }
}
