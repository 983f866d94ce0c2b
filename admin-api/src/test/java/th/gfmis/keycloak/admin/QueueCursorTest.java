package th.gfmis.keycloak.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.registration.QueuePosition;

class QueueCursorTest {

  @Test
  void aPositionComesBackAsItWent() {
    QueuePosition position =
        new QueuePosition(1_795_000_000_123L, "5a0e4d1e-6f3c-4a57-9d43-0c7f1c2b8e11");
    String cursor = QueueCursor.encode(position);
    assertEquals(position, QueueCursor.decode(cursor));
    assertEquals(cursor, cursor.replaceAll("[^A-Za-z0-9_-]", ""), "safe in a query string");
  }

  @Test
  void anythingElseIsRefused() {
    for (String bad :
        new String[] {
          "",
          "%%%",
          encoded("no-dot"),
          encoded("x.abc"),
          encoded(".abc"),
          encoded("12."),
          encoded("1." + "a".repeat(80))
        }) {
      assertThrows(IllegalArgumentException.class, () -> QueueCursor.decode(bad), bad);
    }
  }

  private static String encoded(String text) {
    return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
