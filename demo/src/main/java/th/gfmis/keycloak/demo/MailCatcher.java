package th.gfmis.keycloak.demo;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The local SMTP server (GreenMail) Keycloak sends its e-mail to. Any sender, any recipient, any
 * credentials are accepted; nothing is relayed. Each message goes into the {@link MailArchive}
 * once, however many recipients it has.
 */
final class MailCatcher implements AutoCloseable {
  private final GreenMail greenMail;

  private MailCatcher(GreenMail greenMail) {
    this.greenMail = greenMail;
  }

  static MailCatcher start(int port, MailArchive archive) {
    GreenMail greenMail =
        new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    greenMail.start();
    UserManager users = greenMail.getUserManager();
    users.setMessageDeliveryHandler(new Archiving(users.getMessageDeliveryHandler(), archive));
    return new MailCatcher(greenMail);
  }

  @Override
  public void close() {
    greenMail.stop();
  }

  /** Archives a message at its first recipient, then lets GreenMail deliver it as usual. */
  private static final class Archiving implements MessageDeliveryHandler {
    private final MessageDeliveryHandler delivery;
    private final MailArchive archive;
    private final Set<MovingMessage> archived =
        Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    Archiving(MessageDeliveryHandler delivery, MailArchive archive) {
      this.delivery = delivery;
      this.archive = archive;
    }

    @Override
    public GreenMailUser handle(MovingMessage message, MailAddress to)
        throws MessagingException, UserException {
      if (archived.add(message)) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try {
          message.getMessage().writeTo(raw);
        } catch (IOException e) {
          throw new MessagingException("cannot read the message", e);
        }
        List<String> recipients =
            message.getToAddresses().stream().map(MailAddress::getEmail).toList();
        archive.add(raw.toByteArray(), recipients);
      }
      return delivery.handle(message, to);
    }
  }
}
