package th.gfmis.keycloak.benchmark;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import th.gfmis.keycloak.softtoken.protocol.Base64Urls;

/**
 * Users with a one-time-code credential of Keycloak's own ({@link KeycloakOtpFlow}), their codes,
 * and who may sign in now. Keycloak accepts each code once per credential, and a code lasts a time
 * step (30 s by default), so a user is lent to at most one sign-in per time step, and to one at a
 * time.
 */
public final class OtpUsers {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final TimeBasedOneTimePasswordGenerator codes;
  private final JsonNode policy;
  private final InstantSource clock;
  private final Map<String, String> secrets = new LinkedHashMap<>();
  private final Map<String, Long> lastStep = new HashMap<>();
  private final Set<String> busy = new HashSet<>();
  private int refused;

  OtpUsers(JsonNode policy, InstantSource clock) {
    if (!"totp".equals(policy.path("otpPolicyType").asText())) {
      throw new IllegalStateException(
          "the realm's one-time codes are "
              + policy.path("otpPolicyType").asText()
              + ", not time-based (totp), which this comparison needs");
    }
    this.policy = policy;
    this.clock = clock;
    this.codes =
        new TimeBasedOneTimePasswordGenerator(
            Duration.ofSeconds(policy.get("otpPolicyPeriod").asInt()),
            policy.get("otpPolicyDigits").asInt(),
            policy.get("otpPolicyAlgorithm").asText());
  }

  /** For the realm's one-time-code policy. */
  public static OtpUsers forRealm(AdminApi admin) throws IOException, InterruptedException {
    return new OtpUsers(admin.otpPolicy(), Clock.systemUTC());
  }

  /** Creates a user with a password and a one-time-code credential of its own; returns its id. */
  public String create(AdminApi admin, String username, String email, String password)
      throws IOException, InterruptedException {
    String secret = Base64Urls.random(RANDOM, 20);
    String id = admin.createUserWithOtp(username, email, password, policy, secret);
    add(username, secret);
    return id;
  }

  synchronized void add(String username, String secret) {
    secrets.put(username, secret);
  }

  /** A user that is not signing in and has not had a code in this time step, or null. */
  public synchronized String take() {
    List<String> taken = lend(1);
    if (taken.isEmpty()) {
      refused++;
      return null;
    }
    return taken.get(0);
  }

  /**
   * {@code count} users at once ({@link #take}), waiting for the next time step while there are not
   * as many.
   */
  public List<String> takeAll(int count) throws InterruptedException {
    if (count > size()) {
      throw new IllegalArgumentException(count + " users at once, but there are " + size());
    }
    List<String> taken = lend(count);
    while (taken.isEmpty()) {
      long stepMillis = codes.getTimeStep().toMillis();
      Thread.sleep(stepMillis - clock.millis() % stepMillis + 50);
      taken = lend(count);
    }
    return taken;
  }

  /**
   * {@code count} users that are not signing in and have not had a code in this time step, now
   * lent; none when there are not as many.
   */
  private synchronized List<String> lend(int count) {
    long step = currentStep();
    List<String> free = new ArrayList<>();
    for (String username : secrets.keySet()) {
      if (free.size() < count
          && !busy.contains(username)
          && lastStep.getOrDefault(username, Long.MIN_VALUE) < step) {
        free.add(username);
      }
    }
    if (free.size() < count) {
      return List.of();
    }
    busy.addAll(free);
    return free;
  }

  public synchronized void release(String username) {
    busy.remove(username);
  }

  /**
   * The user's code now. The step it belongs to is the user's last: {@link #take} lends the user
   * again only in a later one, whose code Keycloak has not seen.
   */
  public synchronized String code(String username) {
    long step = currentStep();
    if (lastStep.getOrDefault(username, Long.MIN_VALUE) >= step) {
      throw new IllegalStateException(username + " already had a code in this time step");
    }
    lastStep.put(username, step);
    byte[] secret = secrets.get(username).getBytes(StandardCharsets.UTF_8);
    try {
      return codes.generateOneTimePasswordString(
          new SecretKeySpec(secret, codes.getAlgorithm()), clock.instant(), Locale.ROOT);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many times {@link #take} found no user: then the load was lower than asked. */
  public synchronized int refused() {
    return refused;
  }

  public long timeStepSeconds() {
    return codes.getTimeStep().toSeconds();
  }

  public synchronized int size() {
    return secrets.size();
  }

  private long currentStep() {
    return clock.millis() / codes.getTimeStep().toMillis();
  }
}
