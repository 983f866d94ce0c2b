package th.gfmis.keycloak.admin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import th.gfmis.keycloak.registration.QueuePosition;

/**
 * The API's opaque {@code next} / {@code after} value: a {@link QueuePosition} as base64url of
 * "queuedAt.id". It names a place in the queue only, so a forged one shows nothing that the caller
 * could not page to.
 */
final class QueueCursor {

  private QueueCursor() {}

  static String encode(QueuePosition position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            (position.queueAt() + "." + position.id()).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws IllegalArgumentException when {@code cursor} is not one that {@link #encode} made
   */
  static QueuePosition decode(String cursor) {
    String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
    int dot = text.indexOf('.');
    if (dot < 1 || dot == text.length() - 1 || text.length() > 64) {
      throw new IllegalArgumentException("not a queue cursor");
    }
    return new QueuePosition(Long.parseLong(text.substring(0, dot)), text.substring(dot + 1));
  }
}
