package th.gfmis.keycloak.it.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.RawBrowser;
import th.gfmis.keycloak.it.support.ThaidRealmConfig;
import th.gfmis.keycloak.it.support.pages.ProofingPage;
import th.gfmis.keycloak.it.support.pages.RegistrationIdentifyPage;

/**
 * The first page's post as a script sends it, past what a browser's file chooser allows: exact
 * sizes around the 1 MB limit, 50 MB, a file name with directories and 500 characters, a text field
 * sent as a file, a replayed or forged ticket; and the page's own refusal of a file over 1 MB. What
 * the server made of a file is read from the identify step's event.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class RegistrationUploadIT extends AbstractRegistrationIT {

  private static final int ONE_MB = 1024 * 1024;
  private static final Pattern TICKET = Pattern.compile("name=\"ticket\" value=\"([^\"]+)\"");

  @Test
  void exactlyOneMegabyteIsKeptAndOneByteMoreIsRefused() throws Exception {
    assertEquals("attached", orderOutcome(submit("exact.png", pngOfSize(ONE_MB))));
    assertEquals("gfmisOrderTooLarge", orderOutcome(submit("over.png", pngOfSize(ONE_MB + 1))));
  }

  @Test
  void thePageRefusesAFileOverOneMegabyteBeforeSendingIt() throws Exception {
    steps.open("en");
    RegistrationIdentifyPage identify = new RegistrationIdentifyPage(pages);
    identify.chooseOrder(RegistrationSteps.file("big.png", pngOfSize(ONE_MB + 1)));
    identify.pressNext();
    assertTrue(identify.awaitOrderTooLarge().contains("larger than 1 MB"), pages.bodyText());
    identify.assertShown();
  }

  @Test
  void fiftyMegabytesAreRefusedAndTheRegistrationCarriesOn() throws Exception {
    byte[] fifty = new byte[50 * ONE_MB];
    byte[] pdfHeader = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(pdfHeader, 0, fifty, 0, pdfHeader.length);
    Upload upload = open();
    HttpResponse<String> huge;
    try {
      huge = upload.post(upload.fields(), file("huge.pdf", fifty));
    } catch (IOException closedByTheServer) {
      huge = null; // the server refused the body at its limit by closing the connection
    }
    if (huge != null && huge.statusCode() == 303) {
      assertEquals("gfmisOrderTooLarge", orderOutcome(upload.follow(huge)));
      return;
    }
    if (huge != null) {
      assertEquals(413, huge.statusCode(), huge.body());
    }
    // Refused before any of the bundle's code ran: nothing was used up, the page still works.
    HttpResponse<String> next =
        upload.post(upload.fields(), file("order.png", RegistrationSteps.pngBytes()));
    assertEquals(303, next.statusCode(), next.body());
    assertEquals("attached", orderOutcome(upload.follow(next)));
  }

  @Test
  void aFileNameWithDirectoriesAndFiveHundredCharactersIsAccepted() throws Exception {
    String name = "../../etc/" + "ก".repeat(500) + ".png";
    assertEquals("attached", orderOutcome(submit(name, RegistrationSteps.pngBytes())));
  }

  @Test
  void aReplayedOrForgedPostKeepsNothingAndANamelessTicketGetsAClearPage() throws Exception {
    Upload upload = open();
    Map<String, String> fields = upload.fields();
    RawBrowser.FilePart file = file("order.png", RegistrationSteps.pngBytes());
    HttpResponse<String> first = upload.post(fields, file);
    assertEquals(303, first.statusCode(), first.body());
    HttpResponse<String> replay = upload.post(fields, file);
    assertEquals(303, replay.statusCode(), "back to the flow, with nothing kept");
    assertTrue(upload.follow(first).contains(ProofingPage.START), "on to proofing");

    Map<String, String> forged = new HashMap<>(fields);
    String ticket = fields.get("ticket");
    forged.put("ticket", "Zm9yZ2Vk" + ticket.substring(ticket.indexOf('.')));
    HttpResponse<String> forgedPost = upload.post(forged, file);
    assertEquals(303, forgedPost.statusCode(), "a forged ticket for this session keeps nothing");
    assertTrue(upload.follow(forgedPost).contains(ProofingPage.START), "still at proofing");

    forged.put("ticket", "Zm9yZ2Vk.dW5rbm93bg.Z2ZtaXM");
    HttpResponse<String> unknown = upload.post(forged, file);
    assertEquals(400, unknown.statusCode(), "a ticket naming no session");
    assertTrue(unknown.body().contains("การลงทะเบียนหมดเวลา"), unknown.body());
  }

  @Test
  void aTextFieldSentAsAFileIsAnEmptyField() throws Exception {
    Upload upload = open();
    Map<String, String> fields = upload.fields();
    fields.remove("userId");
    HttpResponse<String> response =
        upload.post(
            fields,
            new RawBrowser.FilePart(
                "userId",
                "id.txt",
                "text/plain",
                HttpRequest.BodyPublishers.ofString(RegistrationJourneyIT.SOMCHAI_USER_ID)));
    assertEquals(303, response.statusCode(), response.body());
    String page = upload.follow(response);
    assertTrue(page.contains(RegistrationIdentifyPage.FORM), page);
    assertTrue(page.contains("correct user ID"), page);
  }

  /**
   * The first page, opened in a script's own session (its own cookies, as an attacker's script
   * has): the form's address and ticket.
   */
  private Upload open() throws Exception {
    RawBrowser raw = new RawBrowser(null);
    String registration =
        new GfmisClient(realm.getBaseUrl())
            .authorizationUrl("en")
            .replace("/protocol/openid-connect/auth?", "/protocol/openid-connect/registrations?");
    String page = raw.getFollowing(registration).body();
    Matcher ticket = TICKET.matcher(page);
    assertTrue(ticket.find(), page);
    return new Upload(raw, RawBrowser.formAction(page), ticket.group(1));
  }

  /** Posts the first page with {@code filename} and follows into the flow; the page it shows. */
  private String submit(String filename, byte[] content) throws Exception {
    Upload upload = open();
    HttpResponse<String> response = upload.post(upload.fields(), file(filename, content));
    assertEquals(303, response.statusCode(), response.body());
    String page = upload.follow(response);
    assertTrue(page.contains(ProofingPage.START), page);
    return page;
  }

  /** What the identify step recorded of the last file it took (its event's detail). */
  private String orderOutcome(String pageAfterTheUpload) {
    String userId =
        realm.admin().users().search(RegistrationJourneyIT.SOMCHAI_USER_ID).get(0).getId();
    List<EventRepresentation> events =
        realm.admin().getEvents(List.of("REGISTER"), null, userId, null, null, null, 0, 100);
    return events.stream()
        .filter(event -> "identified".equals(event.getDetails().get("gfmis_step")))
        .max(Comparator.comparingLong(EventRepresentation::getTime))
        .map(event -> event.getDetails().get("gfmis_order"))
        .orElseThrow(() -> new AssertionError("no identify event: " + events));
  }

  private record Upload(RawBrowser raw, String action, String ticket) {

    Map<String, String> fields() {
      return new HashMap<>(
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

    HttpResponse<String> post(Map<String, String> fields, RawBrowser.FilePart file)
        throws Exception {
      return raw.postMultipart(action, fields, file);
    }

    /** Follows a 303 from the endpoint back into the flow: the page the flow shows. */
    String follow(HttpResponse<String> response) throws Exception {
      String location = response.headers().firstValue("Location").orElseThrow();
      return raw.getFollowing(URI.create(action).resolve(location).toString()).body();
    }
  }

  private static RawBrowser.FilePart file(String filename, byte[] content) {
    return new RawBrowser.FilePart(
        "order",
        filename,
        filename.endsWith(".pdf") ? "application/pdf" : "image/png",
        HttpRequest.BodyPublishers.ofByteArray(content));
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
