package th.gfmis.keycloak.admin;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserLoginFailureModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import th.gfmis.keycloak.core.throttle.UserLocks;

/**
 * {@code /admin/realms/{realm}/gfmis/users/{id}/locks}: every active lock of a user (the bundle's
 * throttles and Keycloak's own brute-force record), and clearing them all. Viewing needs
 * view-users, clearing manage-users; a clear is an admin event. How the bundle's locks are found
 * although the store cannot be enumerated: {@link UserLocks} (docs/lockouts.md).
 */
public class UserLocksResource {

  static final String KIND_BRUTE_FORCE = "keycloak-brute-force";

  private final KeycloakSession session;
  private final RealmModel realm;
  private final AdminPermissionEvaluator auth;
  private final AdminEventBuilder adminEvent;
  private final UserModel user;

  UserLocksResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent,
      UserModel user) {
    this.session = session;
    this.realm = realm;
    this.auth = auth;
    this.adminEvent = adminEvent;
    this.user = user;
  }

  /**
   * One active lock.
   *
   * @param kind what is limited (docs/lockouts.md lists the kinds)
   * @param subject whom it holds back, e.g. a client address; {@code *} for every address
   * @param until when it ends by itself (ISO-8601), or null for a lock that does not end
   * @param secondsLeft seconds until then, or null
   */
  public record Lock(String kind, String subject, String until, Long secondsLeft) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> list() {
    auth.users().requireView(user);
    Instant now = Instant.now();
    List<Lock> locks = new ArrayList<>();
    for (UserLocks.Lock lock : userLocks().active(now)) {
      locks.add(
          new Lock(
              lock.kind(),
              lock.subject(),
              lock.until().toString(),
              Duration.between(now, lock.until()).toSeconds()));
    }
    bruteForceLock(now).ifPresent(locks::add);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("locks", locks);
    return answer;
  }

  @DELETE
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> clear() {
    auth.users().requireManage(user);
    Instant now = Instant.now();
    List<UserLocks.Lock> cleared = userLocks().clear(now);
    boolean bruteForce = bruteForceLock(now).isPresent();
    session.loginFailures().removeUserLoginFailure(realm, user.getId());
    BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
    if (protector != null) {
      protector.cleanUpPermanentLockout(session, realm, user);
    }
    int count = cleared.size() + (bruteForce ? 1 : 0);
    adminEvent
        .operation(OperationType.DELETE)
        .resourcePath("users", user.getId(), "locks")
        .representation(Map.of("cleared", count))
        .success();
    return Map.of("cleared", count);
  }

  private UserLocks userLocks() {
    return new UserLocks(session.singleUseObjects(), realm.getId(), user.getId());
  }

  private java.util.Optional<Lock> bruteForceLock(Instant now) {
    if (!realm.isBruteForceProtected()) {
      return java.util.Optional.empty();
    }
    BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
    if (protector != null && protector.isPermanentlyLockedOut(session, realm, user)) {
      return java.util.Optional.of(new Lock(KIND_BRUTE_FORCE, "*", null, null));
    }
    UserLoginFailureModel failures =
        session.loginFailures().getUserLoginFailure(realm, user.getId());
    if (failures == null) {
      return java.util.Optional.empty();
    }
    Instant until = Instant.ofEpochSecond(failures.getFailedLoginNotBefore());
    return until.isAfter(now)
        ? java.util.Optional.of(
            new Lock(
                KIND_BRUTE_FORCE, "*", until.toString(), Duration.between(now, until).toSeconds()))
        : java.util.Optional.empty();
  }
}
