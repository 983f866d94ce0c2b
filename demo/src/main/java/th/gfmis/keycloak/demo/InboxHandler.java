package th.gfmis.keycloak.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web inbox: {@code /} lists the caught messages (newest first), {@code /message/N} shows one,
 * {@code /message/N/html} serves its HTML body for a sandboxed frame, {@code /message/N/raw} the
 * original message. Every value taken from a message is escaped; the HTML body runs without scripts
 * under its own Content-Security-Policy.
 */
final class InboxHandler implements HttpHandler {
  private static final Pattern MESSAGE_PATH = Pattern.compile("/message/(\\d{1,9})(/html|/raw)?");

  /**
   * The HTML body may show inline styles and images, may open links in a new tab, and may do
   * nothing else: no scripts, no forms, no plugins, no requests except images from Keycloak.
   */
  private final String htmlBodyPolicy;

  private final MailArchive archive;
  private final DisplayTime time;
  private final String appUrl;

  InboxHandler(MailArchive archive, DisplayTime time, DemoSettings settings) {
    this.archive = archive;
    this.time = time;
    this.appUrl = settings.webUrl() + "/app";
    this.htmlBodyPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data: "
            + settings.keycloakUrl()
            + "; font-src data:; form-action 'none'; frame-ancestors 'self';"
            + " sandbox allow-popups allow-popups-to-escape-sandbox";
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (HttpExchanges.rejectUnlessRead(exchange)) {
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/")) {
        list(exchange);
        return;
      }
      Matcher matcher = MESSAGE_PATH.matcher(path);
      Optional<CapturedMail> mail =
          matcher.matches() ? archive.find(Integer.parseInt(matcher.group(1))) : Optional.empty();
      if (mail.isEmpty()) {
        HttpExchanges.notFound(exchange);
        return;
      }
      String part = matcher.group(2);
      if (part == null) {
        message(exchange, mail.get());
      } else if (part.equals("/html")) {
        htmlBody(exchange, mail.get());
      } else {
        raw(exchange, mail.get());
      }
    }
  }

  private void list(HttpExchange exchange) throws IOException {
    List<CapturedMail> mails = archive.newestFirst();
    StringBuilder body = new StringBuilder();
    body.append("<h1>กล่องจดหมายทดสอบ <small>Demo mailbox</small></h1>")
        .append("<nav><a href=\"")
        .append(Html.escape(appUrl))
        .append("\">แอปตัวอย่าง / Demo app</a></nav>")
        .append("<p class=\"muted\">อีเมลทุกฉบับที่ Keycloak ส่งในเครื่องนี้มาอยู่ที่นี่ ")
        .append("(ไฟล์ .eml ใน ")
        .append(Html.escape(archive.directory().toString()))
        .append(")<br><span class=\"en\">Every e-mail Keycloak sends lands here; ")
        .append("the page refreshes every 5 seconds.</span></p>");
    if (mails.isEmpty()) {
      body.append("<p>ยังไม่มีอีเมล <span class=\"en\">No messages yet.</span></p>");
    } else {
      body.append("<table><tr><th>เวลา <span class=\"en\">Time</span></th>")
          .append("<th>ถึง <span class=\"en\">To</span></th>")
          .append("<th>เรื่อง <span class=\"en\">Subject</span></th></tr>");
      for (CapturedMail mail : mails) {
        String to;
        String subject;
        try {
          MailContent content = MailContent.parse(mail.raw());
          to = content.to().isEmpty() ? String.join(", ", mail.envelopeRecipients()) : content.to();
          subject = content.subject().isEmpty() ? "(no subject)" : content.subject();
        } catch (MessagingException | IOException e) {
          to = String.join(", ", mail.envelopeRecipients());
          subject = "(cannot decode: " + e.getMessage() + ")";
        }
        body.append("<tr><td>")
            .append(Html.escape(time.format(mail.receivedAt())))
            .append("</td><td>")
            .append(Html.escape(to))
            .append("</td><td><a href=\"/message/")
            .append(mail.id())
            .append("\">")
            .append(Html.escape(subject))
            .append("</a></td></tr>");
      }
      body.append("</table>");
    }
    HttpExchanges.sendHtml(exchange, 200, Html.page("Demo mailbox", body.toString(), 5));
  }

  private void message(HttpExchange exchange, CapturedMail mail) throws IOException {
    StringBuilder body = new StringBuilder();
    body.append("<nav><a href=\"/\">&larr; กล่องจดหมาย / Mailbox</a>")
        .append("<a href=\"/message/")
        .append(mail.id())
        .append("/raw\">ดาวน์โหลด .eml / Download .eml</a></nav>");
    String title;
    try {
      MailContent content = MailContent.parse(mail.raw());
      title = content.subject();
      body.append("<h1>").append(Html.escape(content.subject())).append("</h1><table>");
      row(body, "จาก", "From", content.from());
      row(body, "ถึง", "To", content.to());
      row(body, "ผู้รับ (SMTP)", "Envelope to", String.join(", ", mail.envelopeRecipients()));
      row(body, "ได้รับเมื่อ", "Received", time.format(mail.receivedAt()));
      content.sent().ifPresent(sent -> row(body, "ส่งเมื่อ", "Date", time.format(sent)));
      body.append("</table>");
      if (content.text().isPresent()) {
        body.append("<h2>ข้อความ <span class=\"en\">Text</span></h2><pre>")
            .append(Html.linkify(content.text().get()))
            .append("</pre>");
      }
      if (content.html().isPresent()) {
        body.append("<h2>HTML</h2><iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\"")
            .append(" referrerpolicy=\"no-referrer\" title=\"HTML\" src=\"/message/")
            .append(mail.id())
            .append("/html\"></iframe>");
      }
      if (content.text().isEmpty() && content.html().isEmpty()) {
        body.append(
            "<p class=\"muted\">ไม่มีเนื้อความ <span class=\"en\">No text body.</span></p>");
      }
    } catch (MessagingException | IOException e) {
      title = "Message " + mail.id();
      body.append("<p class=\"error\">")
          .append(Html.escape("Cannot decode this message: " + e.getMessage()))
          .append("</p>");
    }
    HttpExchanges.sendHtml(exchange, 200, Html.page(title, body.toString()));
  }

  private void htmlBody(HttpExchange exchange, CapturedMail mail) throws IOException {
    Optional<String> html;
    try {
      html = MailContent.parse(mail.raw()).html();
    } catch (MessagingException | IOException e) {
      html = Optional.empty();
    }
    if (html.isEmpty()) {
      HttpExchanges.notFound(exchange);
      return;
    }
    // Links open in a new tab: Keycloak refuses to be framed, so a link followed inside the frame
    // would show nothing.
    exchange.getResponseHeaders().set("Content-Security-Policy", htmlBodyPolicy);
    HttpExchanges.send(
        exchange,
        200,
        "text/html; charset=UTF-8",
        Html.withLinksInNewTab(html.get()).getBytes(StandardCharsets.UTF_8));
  }

  private static void raw(HttpExchange exchange, CapturedMail mail) throws IOException {
    exchange
        .getResponseHeaders()
        .set("Content-Disposition", "attachment; filename=\"" + MailArchive.fileName(mail) + "\"");
    HttpExchanges.send(exchange, 200, "message/rfc822", mail.raw());
  }

  private static void row(StringBuilder body, String thai, String english, String value) {
    body.append("<tr><th>")
        .append(thai)
        .append(" <span class=\"en\">")
        .append(english)
        .append("</span></th><td>")
        .append(Html.escape(value))
        .append("</td></tr>");
  }
}
