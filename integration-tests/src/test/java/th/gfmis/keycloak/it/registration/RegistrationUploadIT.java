package th.gfmis.keycloak.it.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import th.gfmis.keycloak.it.support.GfmisRealmConfig;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.it.support.RawBrowser;
import th.gfmis.keycloak.it.support.ThaidRealmConfig;

/**
 * The first page's post as a script sends it, past what a browser's file chooser allows: exact
 * sizes around the 1 MB limit, 50 MB, a file name with directories and 500 characters, a text field
 * sent as a file, a replayed post. The browser's cookies carry the same registration on.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class RegistrationUploadIT {

  private static final int ONE_MB = 1024 * 1024;

  @InjectRealm(fromJson = GfmisRealmConfig.REALM_JSON, config = GfmisRealmConfig.class)
  ManagedRealm realm;

  @InjectRealm(
      ref = "thaid",
      fromJson = ThaidRealmConfig.REALM_JSON,
      config = ThaidRealmConfig.class)
  ManagedRealm thaid;

  @InjectMailServer MailServer mailServer;

  @InjectWebDriver ManagedWebDriver webDriver;

  Pages pages;
  RegistrationSteps steps;

  @BeforeEach
  void setUp() {
    pages = new Pages(webDriver.driver());
    steps = new RegistrationSteps(pages, realm.getBaseUrl());
  }

  @Test
  void exactlyOneMegabyteIsKeptAndOneByteMoreIsRefused() throws Exception {
    assertEquals(303, post("exact.png", pngOfSize(ONE_MB)).statusCode());
    continueToSummary();
    assertEquals("exact.png", pages.text("gfmis-summary-order"));

    assertEquals(303, post("over.png", pngOfSize(ONE_MB + 1)).statusCode());
    continueToSummary();
    assertTrue(pages.text("gfmis-summary-order").contains("larger than 1 MB"), pages.bodyText());
  }

  @Test
  void thePageRefusesAFileOverOneMegabyteBeforeSendingIt() throws Exception {
    steps.open("en");
    steps.identify(
        RegistrationJourneyIT.SOMCHAI_USER_ID,
        ThaidRealmConfig.SOMCHAI,
        RegistrationSteps.file("big.png", pngOfSize(ONE_MB + 1)),
        "somchai.j@demo.gfmis.local");
    pages.awaitShown("gfmis-order-too-large");
    assertTrue(pages.text("gfmis-order-too-large").contains("larger than 1 MB"), pages.bodyText());
    pages.assertShown(RegistrationSteps.IDENTIFY_FORM);
  }

  @Test
  void fiftyMegabytesAreRefusedAndTheRegistrationCarriesOn() throws Exception {
    byte[] fifty = new byte[50 * ONE_MB];
    byte[] pdfHeader = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(pdfHeader, 0, fifty, 0, pdfHeader.length);
    HttpResponse<String> response = post("huge.pdf", fifty);
    assertTrue(
        response.statusCode() == 303 || response.statusCode() == 413,
        response.statusCode() + " " + response.body());
    if (response.statusCode() == 303) {
      continueToSummary();
      assertTrue(pages.text("gfmis-summary-order").contains("larger than 1 MB"), pages.bodyText());
    } else {
      // The server refused the body at its limit; the page in the browser still works.
      steps.identify(
          RegistrationJourneyIT.SOMCHAI_USER_ID,
          ThaidRealmConfig.SOMCHAI,
          RegistrationSteps.png("order.png"),
          "somchai.j@demo.gfmis.local");
      steps.proveIdentity(ThaidRealmConfig.SOMCHAI);
    }
  }

  @Test
  void aFileNameIsShownWithoutItsDirectoriesAndShortened() throws Exception {
    String name = "../../etc/" + "คำสั่ง".repeat(90) + ".png";
    assertEquals(303, post(name, RegistrationSteps.pngBytes()).statusCode());
    continueToSummary();
    String shown = pages.text("gfmis-summary-order");
    assertFalse(shown.contains("/") || shown.contains(".."), shown);
    assertTrue(shown.endsWith(".png") && shown.length() <= 100, shown);
  }

  @Test
  void aReplayedPostOnlyLeadsBackToTheCurrentStep() throws Exception {
    steps.open("en");
    RawBrowser raw = new RawBrowser(null).withCookiesOf(pages.driver());
    String action = formAction();
    Map<String, String> fields = fields(ticket());
    RawBrowser.FilePart file = png("order.png", RegistrationSteps.pngBytes());
    HttpResponse<String> first = raw.postMultipart(action, fields, file);
    assertEquals(303, first.statusCode(), first.body());
    HttpResponse<String> replay = raw.postMultipart(action, fields, file);
    assertEquals(303, replay.statusCode(), "back to the flow, with nothing kept");
    pages.open(location(first));
    pages.awaitShown("gfmis-proofing-start");

    HttpResponse<String> forged =
        raw.postMultipart(action, fields("Zm9yZ2Vk" + sessionPart(fields)), file);
    assertEquals(303, forged.statusCode(), "a forged ticket for this session keeps nothing");
    pages.open(location(forged));
    pages.awaitShown("gfmis-proofing-start");

    HttpResponse<String> unknown =
        raw.postMultipart(action, fields("Zm9yZ2Vk.dW5rbm93bg.Z2ZtaXM"), file);
    assertEquals(400, unknown.statusCode(), "a ticket naming no session");
    assertTrue(unknown.body().contains("expired"), unknown.body());
  }

  @Test
  void aTextFieldSentAsAFileIsAnEmptyField() throws Exception {
    steps.open("en");
    RawBrowser raw = new RawBrowser(null).withCookiesOf(pages.driver());
    Map<String, String> fields = fields(ticket());
    fields.remove("userId");
    HttpResponse<String> response =
        raw.postMultipart(
            formAction(),
            fields,
            new RawBrowser.FilePart(
                "userId",
                "id.txt",
                "text/plain",
                HttpRequest.BodyPublishers.ofString(RegistrationJourneyIT.SOMCHAI_USER_ID)));
    assertEquals(303, response.statusCode(), response.body());
    pages.open(location(response));
    pages.awaitShown(RegistrationSteps.IDENTIFY_FORM);
    assertTrue(pages.fieldError("userId").contains("correct user ID"), pages.bodyText());
  }

  /** Opens the first page in the browser and posts it from a script with the given file. */
  private HttpResponse<String> post(String filename, byte[] content) throws Exception {
    steps.open("en");
    return new RawBrowser(null)
        .withCookiesOf(pages.driver())
        .postMultipart(formAction(), fields(ticket()), png(filename, content));
  }

  /** Follows the post's redirect in the browser, proves identity, and stops at the summary. */
  private void continueToSummary() {
    steps.proveIdentity(ThaidRealmConfig.SOMCHAI);
  }

  private String formAction() {
    return pages
        .driver()
        .findElement(By.id(RegistrationSteps.IDENTIFY_FORM))
        .getDomAttribute("action");
  }

  private String ticket() {
    return pages.driver().findElement(By.name("ticket")).getDomAttribute("value");
  }

  /** The part of a ticket that names the session, without its secret. */
  private static String sessionPart(Map<String, String> fields) {
    String ticket = fields.get("ticket");
    return ticket.substring(ticket.indexOf('.'));
  }

  private static Map<String, String> fields(String ticket) {
    return new java.util.HashMap<>(
        Map.of(
            "ticket",
            ticket,
            "userId",
            RegistrationJourneyIT.SOMCHAI_USER_ID,
            "citizenId",
            ThaidRealmConfig.SOMCHAI,
            "email",
            "somchai.j@demo.gfmis.local"));
  }

  private static RawBrowser.FilePart png(String filename, byte[] content) {
    return new RawBrowser.FilePart(
        "order",
        filename,
        filename.endsWith(".pdf") ? "application/pdf" : "image/png",
        HttpRequest.BodyPublishers.ofByteArray(content));
  }

  private static String location(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElseThrow();
    return URI.create(response.uri().toString()).resolve(location).toString();
  }

  /**
   * A real PNG of exactly {@code size} bytes: a small image with a private ancillary chunk of
   * filler before its end, which image readers skip.
   */
  static byte[] pngOfSize(int size) throws IOException {
    byte[] image = RegistrationSteps.pngBytes();
    int iend = image.length - 12;
    int filler = size - image.length - 12;
    ByteBuffer chunk = ByteBuffer.allocate(12 + filler);
    byte[] type = "grEx".getBytes(StandardCharsets.US_ASCII);
    chunk.putInt(filler).put(type).put(new byte[filler]);
    CRC32 crc = new CRC32();
    crc.update(chunk.array(), 4, 4 + filler);
    chunk.putInt((int) crc.getValue());
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    out.write(image, 0, iend);
    out.write(chunk.array());
    out.write(Arrays.copyOfRange(image, iend, image.length));
    return out.toByteArray();
  }
}
