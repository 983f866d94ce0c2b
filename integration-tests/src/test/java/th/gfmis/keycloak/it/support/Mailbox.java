package th.gfmis.keycloak.it.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.testframework.mail.MailServer;

/** Reads what the real SMTP server received. */
public final class Mailbox {

  private static final Pattern SIX_DIGITS = Pattern.compile("(?<![0-9A-Z])([0-9]{6})(?![0-9A-Z])");

  private final MailServer server;

  public Mailbox(MailServer server) {
    this.server = server;
  }

  /**
   * Waits for the {@code count}-th message of this test and returns it. The server lists messages
   * per recipient, so with several recipients use {@link #awaitMessageTo}.
   */
  public Mail awaitMessage(int count) {
    assertTrue(
        server.waitForIncomingEmail(15_000, count),
        () -> "expected " + count + " e-mail(s), " + received());
    MimeMessage[] messages = server.getReceivedMessages();
    return new Mail(messages[count - 1]);
  }

  /** Waits for the {@code count}-th message of this test to {@code address} and returns it. */
  public Mail awaitMessageTo(String address, int count) {
    long end = System.currentTimeMillis() + 15_000;
    List<Mail> to = to(address);
    while (to.size() < count && System.currentTimeMillis() < end) {
      server.waitForIncomingEmail(500, count() + 1);
      to = to(address);
    }
    assertTrue(
        to.size() >= count, "expected " + count + " e-mail(s) to " + address + ", " + received());
    return to.get(count - 1);
  }

  /** How many messages of this test went to {@code address}. */
  public int countTo(String address) {
    return to(address).size();
  }

  private List<Mail> to(String address) {
    MimeMessage[] messages = server.getReceivedMessages();
    return messages == null
        ? List.of()
        : Arrays.stream(messages).map(Mail::new).filter(m -> m.to().contains(address)).toList();
  }

  /** What arrived, for a failure message: recipients and subjects only. */
  private String received() {
    MimeMessage[] messages = server.getReceivedMessages();
    return "received: "
        + (messages == null
            ? "nothing"
            : Arrays.stream(messages)
                .map(
                    m -> {
                      Mail mail = new Mail(m);
                      return mail.to() + " \"" + mail.subject() + "\"";
                    })
                .toList());
  }

  /**
   * Stops the SMTP server: the port closes and Keycloak's connections are refused, as when the mail
   * server is down. What it had received is gone once it is started again.
   */
  public void stopServer() {
    server.stop();
  }

  /** Starts the stopped SMTP server again on the same port. */
  public void startServer() {
    try {
      Field field = MailServer.class.getDeclaredField("greenMail");
      field.setAccessible(true);
      ((GreenMail) field.get(server)).start();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the test framework's mail server cannot be restarted", e);
    }
  }

  public int count() {
    MimeMessage[] messages = server.getReceivedMessages();
    return messages == null ? 0 : messages.length;
  }

  /** One received e-mail. */
  public record Mail(MimeMessage message) {

    public String subject() {
      try {
        return message.getSubject();
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }

    public String to() {
      try {
        return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }

    public String text() {
      return part("text/plain");
    }

    public String html() {
      return part("text/html");
    }

    /** The first six-digit number of the text body: the OTP. */
    public String otp() {
      Matcher matcher = SIX_DIGITS.matcher(text());
      assertTrue(matcher.find(), "no OTP in: " + text());
      return matcher.group(1);
    }

    /** The temporary password, which the text body puts after its label. */
    public String temporaryPassword() {
      for (String line : text().split("\\R")) {
        List<String> words = List.of(line.strip().split("\\s+"));
        if (words.size() >= 2 && line.contains(":") && !line.contains("http")) {
          String last = words.get(words.size() - 1);
          if (last.length() >= 12 && !last.contains(":")) {
            return last;
          }
        }
      }
      throw new AssertionError("no temporary password in: " + text());
    }

    private String part(String type) {
      try {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
          String found = find(multipart, type);
          if (found != null) {
            return found;
          }
        }
        return String.valueOf(content);
      } catch (IOException | MessagingException e) {
        throw new IllegalStateException(e);
      }
    }

    private static String find(Multipart multipart, String type)
        throws MessagingException, IOException {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        if (part.getContent() instanceof Multipart nested) {
          String found = find(nested, type);
          if (found != null) {
            return found;
          }
        } else if (part.isMimeType(type)) {
          return String.valueOf(part.getContent());
        }
      }
      return null;
    }
  }
}
