package th.gfmis.keycloak.softtoken.server.push;

import com.interaso.webpush.WebPush;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import th.gfmis.keycloak.core.state.NodeMemo;

/**
 * What signs this node's pushes, made once instead of per push: the library's sender for each VAPID
 * key and contact (building one checks the key pair by signing and verifying), and the VAPID token
 * for each push service, which RFC 8292 lets a server reuse. A token is made valid for {@link
 * #TOKEN_LIFETIME} and used for {@link #TOKEN_REUSE} of that, so every token a push service gets
 * still has hours to run. A new realm key or contact gets its own sender and tokens.
 */
final class VapidSigners {

  static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
  static final Duration TOKEN_REUSE = Duration.ofHours(1);

  private final NodeMemo<Sender, WebPush> senders = new NodeMemo<>(64);
  private final NodeMemo<Audience, Token> tokens = new NodeMemo<>(1_024);
  private final Clock clock;

  VapidSigners(Clock clock) {
    this.clock = clock;
  }

  /** The sender for the realm's active key and this contact. */
  WebPush sender(VapidKeys.Active vapid, String subject) {
    Sender key = new Sender(vapid.applicationServerKey(), subject);
    WebPush sender = senders.get(key);
    if (sender == null) {
      sender =
          new WebPush(
              subject, new com.interaso.webpush.VapidKeys(vapid.publicKey(), vapid.privateKey()));
      senders.put(key, sender);
    }
    return sender;
  }

  /** The request headers of one push to {@code endpoint}, with a current VAPID token. */
  Map<String, String> headers(
      VapidKeys.Active vapid, String subject, String endpoint, int ttlSeconds) {
    WebPush sender = sender(vapid, subject);
    Audience audience =
        new Audience(vapid.applicationServerKey(), subject, sender.getAudience(endpoint));
    Instant now = clock.instant();
    Token token = tokens.get(audience);
    if (token == null || !now.isBefore(token.renewAt())) {
      token =
          new Token(
              sender.getToken(audience.origin(), (int) TOKEN_LIFETIME.toSeconds()),
              now.plus(TOKEN_REUSE));
      tokens.put(audience, token);
    }
    return sender.getHeadersWithToken(token.jwt(), ttlSeconds, null, WebPush.Urgency.High);
  }

  private record Sender(String applicationServerKey, String subject) {}

  private record Audience(String applicationServerKey, String subject, String origin) {}

  private record Token(String jwt, Instant renewAt) {}
}
