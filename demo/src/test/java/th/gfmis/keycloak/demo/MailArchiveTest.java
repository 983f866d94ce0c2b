package th.gfmis.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailArchiveTest {

  @Test
  void keepsMessagesNewestFirstAndWritesEachAsAnEmlFile(@TempDir Path dir) throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2025-11-25T18:26:00Z"), ZoneOffset.UTC);
    MailArchive archive = new MailArchive(dir.resolve("mailbox"), clock);
    byte[] first = "Subject: one\r\n\r\n1\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] second = "Subject: two\r\n\r\n2\r\n".getBytes(StandardCharsets.US_ASCII);
    archive.add(first, List.of("a@example.test"));
    archive.add(second, List.of("b@example.test"));

    List<CapturedMail> mails = archive.newestFirst();
    assertEquals(List.of(2, 1), mails.stream().map(CapturedMail::id).toList());
    assertEquals(List.of("b@example.test"), mails.get(0).envelopeRecipients());
    assertArrayEquals(first, archive.find(1).orElseThrow().raw());
    assertTrue(archive.find(3).isEmpty());
    assertTrue(archive.find(0).isEmpty());

    Path file = dir.resolve("mailbox").resolve("20251125-182600-0002.eml");
    assertArrayEquals(second, Files.readAllBytes(file));
  }
}
