package th.gfmis.keycloak.demo;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;

/**
 * What the inbox shows of a message, decoded with Jakarta Mail: encoded-word headers, transfer
 * encodings (base64, quoted-printable) and the charset of each part, so that Thai text reads
 * correctly.
 *
 * @param from the From header, decoded
 * @param to the To header, decoded (empty when the message has none)
 * @param subject the Subject, decoded
 * @param sent the Date header, if any
 * @param text the first plain-text part that is not an attachment, if any
 * @param html the first HTML part that is not an attachment, if any
 */
record MailContent(
    String from,
    String to,
    String subject,
    Optional<Instant> sent,
    Optional<String> text,
    Optional<String> html) {

  private static final Session SESSION = Session.getInstance(new Properties());

  static MailContent parse(byte[] raw) throws MessagingException, IOException {
    MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    Bodies bodies = new Bodies();
    bodies.collect(message);
    Date sent = message.getSentDate();
    return new MailContent(
        addresses(message.getFrom()),
        addresses(message.getRecipients(Message.RecipientType.TO)),
        message.getSubject() == null ? "" : message.getSubject(),
        Optional.ofNullable(sent).map(Date::toInstant),
        Optional.ofNullable(bodies.text),
        Optional.ofNullable(bodies.html));
  }

  private static String addresses(Address[] addresses) {
    if (addresses == null || addresses.length == 0) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (Address address : addresses) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(
          address instanceof InternetAddress internet
              ? internet.toUnicodeString()
              : address.toString());
    }
    return out.toString();
  }

  /** Walks the MIME tree and keeps the first text and the first HTML body. */
  private static final class Bodies {
    String text;
    String html;

    void collect(Part part) throws MessagingException, IOException {
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        return;
      }
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          collect(child);
        }
      } else if (text == null && part.isMimeType("text/plain")) {
        text = content(part);
      } else if (html == null && part.isMimeType("text/html")) {
        html = content(part);
      }
    }

    private static String content(Part part) throws MessagingException, IOException {
      Object content = part.getContent();
      return content instanceof String string ? string : String.valueOf(content);
    }
  }
}
