package th.gfmis.keycloak.softtoken.server.api;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import th.gfmis.keycloak.core.state.SingleUseStores;
import th.gfmis.keycloak.core.throttle.AttemptLimiter;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenError;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;

/**
 * Refused device API requests per client address (enrollment with a wrong code, a failed device
 * authorization, ...): only refusals count, so a working device is never held back. Over the limit
 * the address gets {@code 429 too_many_requests} with {@code Retry-After}.
 *
 * <p>Two ways to hold the limit:
 *
 * <ul>
 *   <li>{@link #guardClaimingFirst} for enrollment, the one call that no device key signs: each
 *       request claims a slot before it runs and gives it back when it succeeds, so parallel
 *       requests never get more than the limit evaluated.
 *   <li>{@link #guard} for every call that a device key signs (listing, answers, the device's own
 *       calls): the limit is read before the call runs, and a refusal is counted after it. A
 *       working device then writes nothing to the cluster-wide store, where a claim and its return
 *       were two writes to every node on each sign-in's answer. A burst of parallel refused calls
 *       may run a few more than the limit; nothing in them can be guessed (a forged signature is
 *       refused whatever its number), so the limit brakes abuse there rather than guarding a
 *       secret.
 * </ul>
 *
 * @param maxRefusals refused requests allowed per address in the window
 * @param window the window
 */
record DeviceApiThrottle(int maxRefusals, Duration window) {

  static final int DEFAULT_MAX_REFUSALS = 30;
  static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

  /** Runs a signed call under the limit of the request's client address. */
  Response guard(KeycloakSession session, RealmModel realm, Call call) {
    SingleUseObjectProvider store = session.singleUseObjects();
    String key = key(session, realm);
    Instant now = Instant.now();
    Duration held = heldBackFor(store, key, now);
    if (!held.isZero()) {
      return tooManyRequests(held);
    }
    Response response = call.run();
    if (response.getStatus() >= 400) {
      refused(store, key, now);
    }
    return response;
  }

  /** Runs an unsigned call under the limit, holding a slot of it while the call runs. */
  Response guardClaimingFirst(KeycloakSession session, RealmModel realm, Call call) {
    AttemptLimiter.Attempt attempt =
        limiter(session.singleUseObjects()).claim(key(session, realm), Instant.now());
    if (!attempt.allowed()) {
      return tooManyRequests(attempt.blockedFor());
    }
    Response response = call.run();
    if (response.getStatus() < 400) {
      attempt.succeeded();
    } else {
      attempt.counted();
    }
    return response;
  }

  /** Zero while the limit kept at {@code key} lets requests run; otherwise how long it holds. */
  Duration heldBackFor(SingleUseObjectProvider store, String key, Instant now) {
    return limiter(store).blockedFor(key, now);
  }

  /** Counts one refused request towards the limit kept at {@code key}. */
  void refused(SingleUseObjectProvider store, String key, Instant now) {
    AttemptLimiter.Attempt refusal = limiter(store).claim(key, now);
    if (refusal.allowed()) {
      refusal.counted();
    }
  }

  private static String key(KeycloakSession session, RealmModel realm) {
    return SingleUseStores.DEVICE_API_REFUSALS.key(
        realm.getId(), session.getContext().getConnection().getRemoteAddr());
  }

  private AttemptLimiter limiter(SingleUseObjectProvider store) {
    return new AttemptLimiter(store, maxRefusals, window);
  }

  private static Response tooManyRequests(Duration blocked) {
    Response refused =
        ApiResponses.error(
            new SoftTokenProtocolException(
                SoftTokenError.TOO_MANY_REQUESTS,
                SoftTokenError.TOO_MANY_REQUESTS.defaultDescription()));
    return Response.fromResponse(refused)
        .header("Retry-After", Math.max(1, blocked.toSeconds()))
        .build();
  }

  @FunctionalInterface
  interface Call {
    Response run();
  }
}
