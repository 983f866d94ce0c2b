package th.gfmis.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox and the demo app as a browser sees them; no Keycloak needed. */
class WebPagesTest {
  private static final String EVIL = "<script>alert('x')</script>";

  private final HttpClient http = HttpClient.newHttpClient();
  private MailArchive archive;
  private WebServer server;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    DemoSettings settings = new DemoSettings(8180, 9100, 3125, 8125, false);
    archive = new MailArchive(dir, Clock.systemUTC());
    DisplayTime time = new DisplayTime(ZoneOffset.UTC);
    ObjectMapper json = new ObjectMapper();
    server =
        WebServer.start(
            0,
            new InboxHandler(archive, time, settings),
            new DemoAppHandler(
                OidcClient.forSettings(settings), json, time, Clock.systemUTC(), settings));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private void receive(String subject, String htmlBody) {
    String raw =
        "From: \""
            + EVIL
            + "\" <a@example.test>\r\n"
            + "To: user01@example.test\r\n"
            + "Subject: =?UTF-8?B?"
            + java.util.Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8))
            + "?=\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/alternative; boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: text/plain; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n\r\n"
            + "รหัส 123456 "
            + EVIL
            + "\r\n"
            + "--b\r\nContent-Type: text/html; charset=UTF-8\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n\r\n"
            + htmlBody
            + "\r\n--b--\r\n";
    archive.add(raw.getBytes(StandardCharsets.UTF_8), List.of("user01@example.test"));
  }

  @Test
  void inboxEscapesMessageFieldsAndServesUtf8() throws Exception {
    receive("รหัส OTP " + EVIL, "<p>สวัสดี</p>");
    HttpResponse<String> list = get("/");
    assertEquals(200, list.statusCode());
    assertEquals("text/html; charset=UTF-8", list.headers().firstValue("Content-Type").orElse(""));
    assertTrue(list.body().contains("รหัส OTP &lt;script&gt;"), list.body());
    assertFalse(list.body().contains(EVIL), list.body());

    HttpResponse<String> message = get("/message/1");
    assertEquals(200, message.statusCode());
    assertFalse(message.body().contains(EVIL), message.body());
    assertTrue(message.body().contains("รหัส 123456 &lt;script&gt;"), message.body());
    assertTrue(message.body().contains("<iframe sandbox=\""), message.body());
    assertTrue(
        message
            .headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("default-src 'none'"));
  }

  @Test
  void htmlBodyIsServedUnderASandboxingPolicy() throws Exception {
    receive("x", "<html><head></head><body><script>alert(1)</script>สวัสดี</body></html>");
    HttpResponse<String> html = get("/message/1/html");
    assertEquals(200, html.statusCode());
    String policy = html.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(policy.contains("default-src 'none'"), policy);
    assertTrue(policy.contains("sandbox"), policy);
    assertFalse(policy.contains("script-src"), policy);
    assertTrue(html.body().contains("สวัสดี"), html.body());
    assertTrue(html.body().startsWith("<html><head><base target=\"_blank\">"), html.body());
  }

  @Test
  void unknownMessagesAndPathsAreNotFound() throws Exception {
    assertEquals(404, get("/message/1").statusCode());
    assertEquals(404, get("/message/abc").statusCode());
    assertEquals(404, get("/app/nothing").statusCode());
  }

  @Test
  void appCallbackRefusesAStateThisBrowserDidNotStart() throws Exception {
    HttpResponse<String> callback = get("/app/callback?state=forged&code=abc");
    assertEquals(400, callback.statusCode());
    assertTrue(callback.body().contains("state does not match"), callback.body());
  }

  @Test
  void appHomeOffersTheSignInButton() throws Exception {
    HttpResponse<String> home = get("/app");
    assertEquals(200, home.statusCode());
    assertTrue(home.body().contains("Sign in to GFMIS demo"), home.body());
    assertTrue(
        home.headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("form-action 'self' http://localhost:8180"));
  }
}
