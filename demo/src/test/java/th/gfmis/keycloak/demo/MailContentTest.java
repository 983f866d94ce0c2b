package th.gfmis.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailContentTest {
  private static final String SUBJECT = "รหัส OTP สำหรับตั้งรหัสผ่านใหม่";
  private static final String TEXT = "รหัส OTP ของท่านคือ 123456";
  private static final String HTML = "<p>รหัส OTP ของท่านคือ <b>123456</b></p>";

  @SuppressWarnings("JavaUtilDate") // MimeMessage.setSentDate takes a Date.
  private static byte[] thaiMessage(String transferEncoding) throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress("noreply@gfmis.test", "ระบบ GFMIS", "UTF-8"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress("user01@example.test"));
    message.setSubject(SUBJECT, "UTF-8");
    message.setSentDate(new Date(1_764_000_000_000L));
    MimeBodyPart text = new MimeBodyPart();
    text.setText(TEXT, "UTF-8");
    text.setHeader("Content-Transfer-Encoding", transferEncoding);
    MimeBodyPart html = new MimeBodyPart();
    html.setText(HTML, "UTF-8", "html");
    html.setHeader("Content-Transfer-Encoding", transferEncoding);
    MimeBodyPart attachment = new MimeBodyPart();
    attachment.setText("not the body", "UTF-8");
    attachment.setFileName("note.txt");
    MimeMultipart alternative = new MimeMultipart("alternative", text, html);
    MimeBodyPart body = new MimeBodyPart();
    body.setContent(alternative);
    message.setContent(new MimeMultipart("mixed", body, attachment));
    message.saveChanges();
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    message.writeTo(raw);
    return raw.toByteArray();
  }

  @Test
  void decodesThaiHeadersAndBodiesWhateverTheTransferEncoding() throws Exception {
    for (String encoding : new String[] {"base64", "quoted-printable"}) {
      byte[] raw = thaiMessage(encoding);
      for (byte b : raw) {
        assertTrue(b >= 0, "the Thai text should be " + encoding + "-encoded on the wire");
      }

      MailContent content = MailContent.parse(raw);
      assertEquals(SUBJECT, content.subject());
      assertEquals("\"ระบบ GFMIS\" <noreply@gfmis.test>", content.from());
      assertEquals("user01@example.test", content.to());
      assertEquals(Optional.of(TEXT), content.text());
      assertEquals(Optional.of(HTML), content.html());
      assertTrue(content.sent().isPresent());
    }
  }

  @Test
  void aMessageWithoutBodiesOrHeadersStillParses() throws Exception {
    MailContent content =
        MailContent.parse(
            "Content-Type: application/octet-stream\r\n\r\nAAAA\r\n"
                .getBytes(StandardCharsets.US_ASCII));
    assertEquals("", content.subject());
    assertEquals("", content.to());
    assertEquals(Optional.empty(), content.text());
    assertEquals(Optional.empty(), content.html());
  }
}
