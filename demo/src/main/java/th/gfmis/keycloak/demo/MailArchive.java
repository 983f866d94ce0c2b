package th.gfmis.keycloak.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The messages of this run: kept in memory for the web inbox and written to {@code
 * demo/target/mailbox/} as {@code .eml} files (open them with any mail program).
 */
final class MailArchive {
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Path directory;
  private final Clock clock;
  private final List<CapturedMail> messages = new ArrayList<>();

  MailArchive(Path directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  CapturedMail add(byte[] raw, List<String> envelopeRecipients) {
    CapturedMail mail;
    synchronized (messages) {
      mail = new CapturedMail(messages.size() + 1, clock.instant(), envelopeRecipients, raw);
      messages.add(mail);
    }
    try {
      Files.createDirectories(directory);
      Files.write(directory.resolve(fileName(mail)), raw);
    } catch (IOException e) {
      System.err.println("Mail catcher: cannot write message " + mail.id() + ": " + e);
    }
    return mail;
  }

  /** The file name of a message in the mailbox directory, sortable by time. */
  static String fileName(CapturedMail mail) {
    return FILE_TIME.format(mail.receivedAt()) + "-" + String.format("%04d", mail.id()) + ".eml";
  }

  List<CapturedMail> newestFirst() {
    List<CapturedMail> copy;
    synchronized (messages) {
      copy = new ArrayList<>(messages);
    }
    Collections.reverse(copy);
    return copy;
  }

  Optional<CapturedMail> find(int id) {
    synchronized (messages) {
      return id >= 1 && id <= messages.size()
          ? Optional.of(messages.get(id - 1))
          : Optional.empty();
    }
  }

  Path directory() {
    return directory;
  }
}
