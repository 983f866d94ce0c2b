package th.gfmis.keycloak.softtoken.server.api;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import th.gfmis.keycloak.core.state.SingleUseStores;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenError;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;

/**
 * Refused device API requests per client address (enrollment with a wrong code, a failed device
 * authorization, ...): each request claims a slot before it runs and gives it back when it
 * succeeds, so only refusals count and a working device is never held back. Over the limit the
 * address gets {@code 429 too_many_requests} with {@code Retry-After}.
 *
 * @param maxRefusals refused requests allowed per address in the window
 * @param window the window
 */
record DeviceApiThrottle(int maxRefusals, Duration window) {

  static final int DEFAULT_MAX_REFUSALS = 30;
  static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

  /** Runs {@code call} under the limit of the request's client address. */
  Response guard(KeycloakSession session, RealmModel realm, Call call) {
    Instant now = Instant.now();
    String address = session.getContext().getConnection().getRemoteAddr();
    AttemptLimiter.Attempt attempt =
        new AttemptLimiter(session.singleUseObjects(), maxRefusals, window)
            .claim(SingleUseStores.DEVICE_API_REFUSALS.key(realm.getId(), address), now);
    if (!attempt.allowed()) {
      Response refused =
          ApiResponses.error(
              new SoftTokenProtocolException(
                  SoftTokenError.TOO_MANY_REQUESTS,
                  SoftTokenError.TOO_MANY_REQUESTS.defaultDescription()));
      return Response.fromResponse(refused)
          .header("Retry-After", Math.max(1, attempt.blockedFor().toSeconds()))
          .build();
    }
    Response response = call.run();
    if (response.getStatus() < 400) {
      attempt.succeeded();
    } else {
      attempt.counted();
    }
    return response;
  }

  @FunctionalInterface
  interface Call {
    Response run();
  }
}
