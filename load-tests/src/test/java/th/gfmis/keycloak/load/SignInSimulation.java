package th.gfmis.keycloak.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import th.gfmis.keycloak.benchmark.AdminApi;
import th.gfmis.keycloak.benchmark.KeycloakOtpFlow;
import th.gfmis.keycloak.benchmark.LoginPage;
import th.gfmis.keycloak.benchmark.OtpUsers;
import th.gfmis.keycloak.benchmark.Pkce;
import th.gfmis.keycloak.benchmark.PushReceiver;
import th.gfmis.keycloak.benchmark.ServerCounters;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;
import th.gfmis.keycloak.softtoken.protocol.ChallengeResponseRequest;
import th.gfmis.keycloak.softtoken.protocol.Decision;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenges;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenJson;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;

/**
 * Concurrent complete sign-ins (authorization code + PKCE up to the token response) through the
 * demo client, two kinds in one run: user ID + password only, and user ID + password + Soft Token
 * approved by each user's own reference device. Each kind ramps its concurrent sign-ins from 1 to
 * {@code -Dpeak}, then holds there: first the password only, then the Soft Token ({@code
 * -DsoftTokenFirst=true}: the other way round; {@code -Drounds=N}: N times, the first kind
 * alternating), so that each kind's plateau shows what the servers sustain of that kind alone
 * ({@code -Dtogether=true} runs both at once instead: then each sign-in waits in the same queues,
 * and the ratio of the two rates is that of their numbers of requests rather than of their cost).
 * It prints its own processor time per sign-in (the load generator's: the devices' signatures, the
 * push decryption, Gatling itself), and with {@code -Dmetrics} (each node's metrics address) the
 * servers'.
 *
 * <p>The challenge reaches the device by Web Push ({@code -DchallengeDelivery=push}, the default):
 * each device subscribes ({@code POST device/push}, its own P-256 key and auth secret) at a
 * receiver in this JVM on the loopback ({@link PushReceiver}), which decrypts each message and
 * hands its challenge to the waiting sign-in; the device answers it without listing. A Soft Token
 * sign-in then costs Keycloak: sign-in page, password, device answer, browser continue, token
 * (password only: page, password, token). The server must send Web Push to {@code http://127.0.0.1}
 * (as {@code ./run-cluster.sh} starts it). With {@code -DchallengeDelivery=list} (a server without
 * Web Push) the device lists its challenges first ({@code GET challenges}), one request more.
 *
 * <p>Before the run it creates {@code -Dusers} users through the admin API, each with an enrollment
 * grant, and enrolls each one's reference device (Get Certificate); after the run it deletes them.
 * No realm setting is changed: a Soft Token user takes part in at most {@code maxChallenges - 1}
 * sign-ins (the step's throttle, read from the realm), and never in two at once.
 *
 * <p>With {@code -DcompareWith=keycloak-otp} a third kind runs beside them: user ID + password +
 * Keycloak's own one-time-code form ({@code auth-otp-form}, a code from an authenticator app) after
 * the same password step, through a copy of the browser flow and of the demo client made for the
 * run ({@link KeycloakOtpFlow}): the simplest second step Keycloak ships, measured on the same
 * servers in the same run. Every user then also has a one-time-code credential, and signs in with a
 * code at most once per time step ({@link OtpUsers}).
 *
 * <p>Settings (system properties): {@code target} (default http://127.0.0.1:8380, the cluster's
 * load balancer), {@code users} (150), {@code peak} (concurrent sign-ins of each kind, 12), {@code
 * rampSeconds} (60), {@code holdSeconds} (60), {@code warmUpSeconds} (30: both kinds at half the
 * peak, unmeasured, first), {@code together} (false), {@code softTokenFirst} (false), {@code
 * rounds} (1; each round's Soft Token sign-ins come out of the same users, so raise {@code users}
 * with it), {@code metrics} (none; e.g.
 * http://127.0.0.1:9180/metrics,http://127.0.0.1:9280/metrics), {@code challengeDelivery} ({@code
 * push} or {@code list}), {@code compareWith} (none, or {@code keycloak-otp}), {@code
 * adminUser}/{@code adminPassword}.
 */
public class SignInSimulation extends Simulation {

  private static final String TARGET = System.getProperty("target", "http://127.0.0.1:8380");
  private static final String REALM = "gfmis";
  private static final String CLIENT = "gfmis-demo";
  private static final String REDIRECT_URI = "http://localhost:8025/app/callback";
  private static final String PASSWORD = "Load#Test2026x";
  private static final int USERS = Integer.getInteger("users", 150);
  private static final int PEAK = Integer.getInteger("peak", 12);
  private static final int RAMP_SECONDS = Integer.getInteger("rampSeconds", 60);
  private static final int HOLD_SECONDS = Integer.getInteger("holdSeconds", 60);
  private static final String ADMIN_USER = System.getProperty("adminUser", "admin");
  private static final String ADMIN_PASSWORD = System.getProperty("adminPassword", "admin");
  private static final boolean TOGETHER = Boolean.getBoolean("together");
  private static final boolean SOFT_TOKEN_FIRST = Boolean.getBoolean("softTokenFirst");
  private static final int ROUNDS = Math.max(1, Integer.getInteger("rounds", 1));
  private static final int WARM_UP_SECONDS = Integer.getInteger("warmUpSeconds", 30);
  private static final String DELIVERY = System.getProperty("challengeDelivery", "push");
  private static final String COMPARE_WITH = System.getProperty("compareWith", "");

  /** How long a sign-in waits for its push before it counts as failed. */
  private static final Duration PUSH_WAIT = Duration.ofSeconds(10);

  static final String PASSWORD_ONLY = "password only";
  static final String SOFT_TOKEN = "password + Soft Token";
  static final String KEYCLOAK_OTP = "password + Keycloak OTP";

  private final Map<String, SoftTokenDevice> devices = new ConcurrentHashMap<>();
  private final List<String> userIds = new ArrayList<>();
  private final UserPool softTokenUsers;
  private final int softTokenSignInsPerUser;
  private final UserPool passwordUsers;
  private final SignInRecorder recorder = new SignInRecorder();
  private final CpuSampler cpu =
      new CpuSampler(
          new ServerCounters(ServerCounters.addresses(System.getProperty("metrics", ""))));
  private final PushReceiver pushes;
  private final OtpUsers otpUsers;
  private final Lender otpLender;
  private final KeycloakOtpFlow otpFlow;

  public SignInSimulation() {
    if (!DELIVERY.equals("push") && !DELIVERY.equals("list")) {
      throw new IllegalArgumentException("-DchallengeDelivery must be push or list: " + DELIVERY);
    }
    try {
      pushes = DELIVERY.equals("push") ? new PushReceiver() : null;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot start the push receiver", e);
    }
    if (!COMPARE_WITH.isEmpty() && !COMPARE_WITH.equals("keycloak-otp")) {
      throw new IllegalArgumentException("-DcompareWith must be keycloak-otp: " + COMPARE_WITH);
    }
    AdminApi admin = admin();
    otpFlow = COMPARE_WITH.isEmpty() ? null : createOtpFlow(admin);
    otpUsers = COMPARE_WITH.isEmpty() ? null : otpUsers(admin);
    otpLender = otpUsers == null ? null : lenderOf(otpUsers);
    List<String> usernames = createUsers(admin);
    softTokenSignInsPerUser = softTokenSignInsPerUser(admin);
    softTokenUsers = new UserPool(usernames, softTokenSignInsPerUser);
    passwordUsers = new UserPool(usernames, Integer.MAX_VALUE);

    HttpProtocolBuilder protocol =
        http.baseUrl(TARGET)
            .disableFollowRedirect()
            .acceptHeader("text/html,application/xhtml+xml")
            .acceptLanguageHeader("en")
            .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) GFMIS load test")
            .shareConnections();

    ScenarioBuilder enroll =
        scenario("enroll devices")
            .exec(session -> session.set("username", usernames.get((int) session.userId() - 1)))
            .exec(start(SOFT_TOKEN))
            .exec(
                page(
                    "enroll: password",
                    http("enroll: password")
                        .post("#{loginAction}")
                        .formParam("username", "#{username}")
                        .formParam("password", PASSWORD)))
            .exec(session -> expect(session, "gfmis-softtoken-enroll-form"))
            .exitHereIfFailed()
            .exec(this::enrollDevice)
            .exitHereIfFailed()
            .exec(
                page(
                    "enroll: check",
                    http("enroll: check").post("#{formAction}").formParam("action", "check")))
            .exec(session -> expect(session, "gfmis-softtoken-enroll-form"))
            .exec(
                page(
                    "enroll: continue",
                    http("enroll: continue").post("#{formAction}").formParam("action", "continue")))
            .exec(SignInSimulation::expectCallback)
            .exec(token(CLIENT));

    // Unmeasured: until the servers have compiled their hot code, a sign-in costs them several
    // times more, and the kind that ran first would look the dearer.
    // A Soft Token sign-in in every fourth round only: each user has few of them (the step's
    // throttle), and the measured phase needs them.
    ChainBuilder warmUpSignIns =
        unmeasured(passwordUsers, passwordSignIn())
            .doIf(session -> session.userId() % 4 == 0)
            .then(unmeasured(softTokenUsers, softTokenSignIn()));
    if (otpUsers != null) {
      warmUpSignIns =
          warmUpSignIns
              .doIf(session -> session.userId() % 4 == 2)
              .then(unmeasured(otpLender, otpSignIn()));
    }
    ScenarioBuilder warmUp = scenario("warm-up").exec(warmUpSignIns);

    PopulationBuilder enrolled =
        enroll.injectOpen(
            rampUsers(usernames.size()).during(Duration.ofSeconds(usernames.size() / 4 + 1)));
    PopulationBuilder measured =
        TOGETHER
            ? warmUp
                .injectClosed(warmUpLoad())
                .andThen(kinds().stream().map(kind -> load(kind, 1)).toList())
            : warmUp.injectClosed(warmUpLoad()).andThen(eachKindAlone());
    setUp(enrolled.andThen(measured)).protocols(protocol);
    cpu.start();
  }

  /**
   * A kind's ramp to the peak and hold there, in a round; Gatling wants each scenario named once.
   */
  private PopulationBuilder load(String kind, int round) {
    ChainBuilder signIn =
        switch (kind) {
          case PASSWORD_ONLY -> measured(label(kind, round), passwordUsers, passwordSignIn());
          case SOFT_TOKEN -> measured(label(kind, round), softTokenUsers, softTokenSignIn());
          default -> measured(label(kind, round), otpLender, otpSignIn());
        };
    return scenario(label(kind, round)).exec(signIn).injectClosed(rampToPeakAndHold());
  }

  /** The kinds this run measures, in the order of its first round. */
  private List<String> kinds() {
    return otpUsers == null
        ? List.of(PASSWORD_ONLY, SOFT_TOKEN)
        : List.of(PASSWORD_ONLY, SOFT_TOKEN, KEYCLOAK_OTP);
  }

  /**
   * The kinds one after the other, {@code -Drounds} times, in turn in one order and the reverse
   * (password, Soft Token; Soft Token, password; ...): when the machine's speed drifts during the
   * run, each kind gets as much of the fast and the slow minutes.
   */
  private PopulationBuilder eachKindAlone() {
    PopulationBuilder next = null;
    for (int round = ROUNDS; round >= 1; round--) {
      List<String> order = new ArrayList<>(kinds());
      if ((round % 2 == 1) == SOFT_TOKEN_FIRST) {
        Collections.reverse(order);
      }
      for (int i = order.size() - 1; i >= 0; i--) {
        PopulationBuilder kind = load(order.get(i), round);
        next = next == null ? kind : kind.andThen(next);
      }
    }
    return next;
  }

  /** What the summary calls a kind in a round: the kind alone when there is one round. */
  static String label(String kind, int round) {
    return ROUNDS == 1 ? kind : kind + " #" + round;
  }

  private static ClosedInjectionStep[] warmUpLoad() {
    return new ClosedInjectionStep[] {
      constantConcurrentUsers(Math.max(1, PEAK / 2)).during(Math.max(1, WARM_UP_SECONDS))
    };
  }

  private static ClosedInjectionStep[] rampToPeakAndHold() {
    return new ClosedInjectionStep[] {
      rampConcurrentUsers(1).to(PEAK).during(RAMP_SECONDS),
      constantConcurrentUsers(PEAK).during(HOLD_SECONDS)
    };
  }

  @Override
  public void after() {
    cpu.stop();
    recorder.print(
        System.out,
        TARGET,
        PEAK,
        Runtime.getRuntime().availableProcessors(),
        RAMP_SECONDS,
        HOLD_SECONDS,
        ROUNDS,
        cpu);
    System.out.println(
        "Challenge delivery: "
            + (pushes == null ? "list (GET challenges)" : "Web Push; " + pushes.problems()));
    if (pushes != null) {
      pushes.close();
    }
    if (softTokenUsers.refused() > 0 || passwordUsers.refused() > 0) {
      System.out.printf(
          "%nWARNING: %d Soft Token and %d password-only sign-ins found no free user, so the load"
              + " was lower than asked: raise -Dusers (each user takes part in at most %d Soft Token"
              + " sign-ins).%n",
          softTokenUsers.refused(), passwordUsers.refused(), softTokenSignInsPerUser);
    }
    if (otpUsers != null && otpUsers.refused() > 0) {
      System.out.printf(
          "%nWARNING: %d sign-ins with Keycloak's one-time code found no free user, so the load was"
              + " lower than asked: raise -Dusers (each user signs in with a code at most once in %s"
              + " s).%n",
          otpUsers.refused(), otpUsers.timeStepSeconds());
    }
    try {
      AdminApi admin = admin();
      for (String id : userIds) {
        admin.deleteUser(id);
      }
      if (otpFlow != null) {
        otpFlow.close();
      }
    } catch (Exception e) {
      System.err.println("could not delete the load-test users and flow: " + e.getMessage());
    }
  }

  private static AdminApi admin() {
    try {
      return new AdminApi(TARGET, REALM, ADMIN_USER, ADMIN_PASSWORD);
    } catch (java.net.ConnectException e) {
      throw new IllegalStateException(
          "No server answers at "
              + TARGET
              + ": start one (./run-cluster.sh start) or set -Dtarget=",
          e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign in to the admin API: " + e.getMessage(), e);
    }
  }

  private static KeycloakOtpFlow createOtpFlow(AdminApi admin) {
    try {
      return KeycloakOtpFlow.create(admin, "gfmis browser", "gfmis level 1", CLIENT);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot set up Keycloak's one-time-code flow: " + e.getMessage(), e);
    }
  }

  private static OtpUsers otpUsers(AdminApi admin) {
    try {
      return OtpUsers.forRealm(admin);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the realm's one-time-code policy", e);
    }
  }

  private List<String> createUsers(AdminApi admin) {
    try {
      long stamp = System.currentTimeMillis() % 1_000_000_000L;
      List<String> usernames = new ArrayList<>();
      for (int i = 0; i < USERS; i++) {
        String username = String.format(Locale.ROOT, "load%09d%04d", stamp, i);
        String email = username + "@load.gfmis.local";
        String id =
            otpUsers == null
                ? admin.createUser(username, email, PASSWORD)
                : otpUsers.create(admin, username, email, PASSWORD);
        userIds.add(id);
        admin.grantEnrollment(id);
        usernames.add(username);
      }
      return usernames;
    } catch (Exception e) {
      throw new IllegalStateException("cannot create the load-test users: " + e.getMessage(), e);
    }
  }

  private static int softTokenSignInsPerUser(AdminApi admin) {
    try {
      String max =
          admin.authenticatorConfig("gfmis browser", "gfmis softtoken").get("maxChallenges");
      return Math.max(1, (max == null ? 10 : Integer.parseInt(max.strip())) - 1);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the Soft Token step's settings", e);
    }
  }

  /** One sign-in of a kind with a user lent by {@code pool}, recorded under {@code kind}. */
  private ChainBuilder measured(String kind, Lender pool, ChainBuilder signIn) {
    return exec(borrow(pool))
        .exitHereIfFailed()
        .exitBlockOnFail()
        .on(signIn)
        .exec(
            session -> {
              recorder.record(
                  kind,
                  session.getLong("startedAt"),
                  System.nanoTime(),
                  session.isFailed() ? SignInRecorder.seen(session) : null,
                  session.getInt("requests"));
              return giveBack(pool, session);
            });
  }

  private ChainBuilder unmeasured(Lender pool, ChainBuilder signIn) {
    return exec(borrow(pool))
        .exitHereIfFailed()
        .exitBlockOnFail()
        .on(signIn)
        .exec(session -> giveBack(pool, session));
  }

  /**
   * A user from the pool; when none is free the virtual user waits a moment and gives up (a closed
   * model replaces it at once, so without the wait it would spin).
   */
  private static ChainBuilder borrow(Lender pool) {
    return exec(session -> {
          String username = pool.take();
          return username == null
              ? session.markAsFailed()
              : session
                  .set("username", username)
                  .set("startedAt", System.nanoTime())
                  .set("requests", 0);
        })
        .doIf(Session::isFailed)
        .then(pause(Duration.ofMillis(250)));
  }

  private static Session giveBack(Lender pool, Session session) {
    pool.release(session.getString("username"));
    return session;
  }

  /** The password, and Keycloak sends the browser back to the client. */
  private ChainBuilder passwordSignIn() {
    return start(PASSWORD_ONLY)
        .exec(
            page(
                "password only: password",
                http("password only: password")
                    .post("#{loginAction}")
                    .formParam("username", "#{username}")
                    .formParam("password", PASSWORD)))
        .exec(SignInSimulation::expectCallback)
        .exec(token(CLIENT));
  }

  /**
   * Password, then the phone: takes the pushed challenge (or lists its challenges), approves the
   * number, the browser goes on.
   */
  private ChainBuilder softTokenSignIn() {
    return start(SOFT_TOKEN)
        .exec(
            page(
                "soft token: password",
                http("soft token: password")
                    .post("#{loginAction}")
                    .formParam("username", "#{username}")
                    .formParam("password", PASSWORD)))
        .exec(session -> expect(session, "gfmis-softtoken-approve-form"))
        .exec(pushes == null ? listChallenges() : awaitPush())
        .exec(session -> step(session, "soft token: device approves"))
        .exec(
            counted(
                http("soft token: device approves")
                    .post("#{responseUrl}")
                    .header("Content-Type", SoftTokenProtocol.MEDIA_TYPE_JSON)
                    .header("Accept", SoftTokenProtocol.MEDIA_TYPE_JSON)
                    .body(StringBody("#{responseBody}"))
                    .check(status().saveAs("status"))
                    .check(status().is(200))
                    .check(jsonPath("$.status").is("approved"))))
        .exec(
            page(
                "soft token: browser continues",
                http("soft token: browser continues")
                    .post("#{formAction}")
                    .formParam("action", "check")))
        .exec(SignInSimulation::expectCallback)
        .exec(token(CLIENT));
  }

  /** Lends users for sign-ins with Keycloak's one-time code: each once per time step. */
  private static Lender lenderOf(OtpUsers users) {
    return new Lender() {
      @Override
      public String take() {
        return users.take();
      }

      @Override
      public void release(String username) {
        users.release(username);
      }
    };
  }

  /** Password, then the code from the user's authenticator app in Keycloak's own form. */
  private ChainBuilder otpSignIn() {
    return start(KEYCLOAK_OTP)
        .exec(
            page(
                "keycloak otp: password",
                http("keycloak otp: password")
                    .post("#{loginAction}")
                    .formParam("username", "#{username}")
                    .formParam("password", PASSWORD)))
        .exec(session -> expect(session, KeycloakOtpFlow.FORM_ID))
        .exec(
            session ->
                session.isFailed()
                    ? session
                    : session.set("otp", otpUsers.code(session.getString("username"))))
        .exec(
            page(
                "keycloak otp: code",
                http("keycloak otp: code").post("#{formAction}").formParam("otp", "#{otp}")))
        .exec(SignInSimulation::expectCallback)
        .exec(token(otpFlow.clientId()));
  }

  /** The device lists its challenges and picks the one with the browser's number. */
  private ChainBuilder listChallenges() {
    return exec(this::deviceChallengesRequest)
        .exec(session -> step(session, "soft token: device lists challenges"))
        .exec(
            counted(
                http("soft token: device lists challenges")
                    .get("#{challengesUrl}")
                    .header("Authorization", "#{deviceAuthorization}")
                    .header("Accept", SoftTokenProtocol.MEDIA_TYPE_JSON)
                    .check(status().saveAs("status"))
                    .check(status().is(200))
                    .check(bodyString().saveAs("pending"))))
        .exec(this::deviceApproval);
  }

  /**
   * The device waits for the push of this sign-in's challenge (no request to Keycloak), checking
   * every 10 ms without holding a thread.
   */
  private ChainBuilder awaitPush() {
    return exec(session -> session.remove("responseUrl"))
        .exec(this::pushedApproval)
        .asLongAsDuring(
            session -> !session.isFailed() && !session.contains("responseUrl"), PUSH_WAIT)
        .on(pause(Duration.ofMillis(10)).exec(this::pushedApproval))
        .exec(session -> session.contains("responseUrl") ? session : session.markAsFailed());
  }

  /** A request to Keycloak, counted for the sign-in's requests. */
  private static ChainBuilder counted(HttpRequestActionBuilder request) {
    return exec(request)
        .exec(
            session ->
                session.set(
                    "requests",
                    (session.contains("requests") ? session.getInt("requests") : 0) + 1));
  }

  /** A fresh PKCE verifier and the sign-in page, whose form action the next request posts to. */
  private ChainBuilder start(String kind) {
    String name =
        switch (kind) {
          case PASSWORD_ONLY -> "password only: sign-in page";
          case SOFT_TOKEN -> "soft token: sign-in page";
          default -> "keycloak otp: sign-in page";
        };
    // A new browser: nothing of an earlier sign-in of this virtual user may sign this one in.
    return exec(flushCookieJar())
        .exec(session -> session.set("verifier", Pkce.verifier()).remove(Cookies.JAR))
        .exec(
            page(
                name,
                http(name).get(session -> authorizationUrl(session.getString("verifier"), kind))))
        .exec(
            session -> {
              Session checked = expect(session, "kc-form-login");
              return checked.isFailed()
                  ? checked
                  : checked.set("loginAction", checked.getString("formAction"));
            });
  }

  /**
   * A request of the browser, then the redirects it follows inside Keycloak (not the one to the
   * client's redirect URI, which is kept as {@code location}); the page it lands on is kept as
   * {@code html}. It sends the cookies it keeps and keeps those each answer sets ({@link Cookies}).
   */
  private static ChainBuilder page(String name, HttpRequestActionBuilder request) {
    return exec(session -> step(session, name).remove("location"))
        .exec(browser(request))
        .asLongAs(SignInSimulation::redirectedInsideKeycloak)
        .on(
            exec(session -> session.set("next", session.getString("location")).remove("location"))
                .exec(browser(http(name + " (redirect)").get("#{next}"))));
  }

  /**
   * The request a sign-in is about to make, for {@link SignInRecorder#seen}; what an earlier
   * request answered is forgotten, unless the session already failed (then the failure's answer
   * stays).
   */
  private static Session step(Session session, String name) {
    return session.isFailed() ? session : session.remove("status").remove("html").set("step", name);
  }

  private static ChainBuilder browser(HttpRequestActionBuilder request) {
    return counted(
            request
                .header("Cookie", Cookies::header)
                .check(status().saveAs("status"))
                .check(status().in(200, 302, 303))
                .check(header("Location").optional().saveAs("location"))
                .check(bodyString().saveAs("html"))
                .check(header("Set-Cookie").findAll().optional().saveAs(Cookies.SET_COOKIES)))
        .exec(Cookies::merge);
  }

  private static boolean redirectedInsideKeycloak(Session session) {
    if (session.isFailed() || !session.contains("location")) {
      return false;
    }
    String location = session.getString("location");
    if (location.startsWith(REDIRECT_URI)) {
      return false;
    }
    return true;
  }

  /** The page shows the form {@code formId}; its action is kept as {@code formAction}. */
  private static Session expect(Session session, String formId) {
    if (session.isFailed() || session.contains("location") && !session.contains("html")) {
      return session.markAsFailed();
    }
    LoginPage page = LoginPage.page(200, session.getString("html"));
    if (!page.has(formId)) {
      return session.markAsFailed();
    }
    Session next = session.set("formAction", page.formAction(formId));
    if (page.displayedNumber().isPresent()) {
      next = next.set("number", page.displayedNumber().get());
    }
    if (page.activationLink().isPresent()) {
      next = next.set("activation", page.activationLink().get());
    }
    return next;
  }

  /** Keycloak sent the browser back to the client with a code. */
  private static Session expectCallback(Session session) {
    String location = session.contains("location") ? session.getString("location") : "";
    if (session.isFailed() || !location.startsWith(REDIRECT_URI)) {
      return session.markAsFailed();
    }
    return session.set("callback", location);
  }

  private String clientFor(String kind) {
    return kind.equals(KEYCLOAK_OTP) ? otpFlow.clientId() : CLIENT;
  }

  private String authorizationUrl(String verifier, String kind) {
    return TARGET
        + "/realms/"
        + REALM
        + "/protocol/openid-connect/auth?client_id="
        + clientFor(kind)
        + "&response_type=code&scope=openid&redirect_uri="
        + Pkce.encode(REDIRECT_URI)
        + "&code_challenge="
        + Pkce.challenge(verifier)
        + "&code_challenge_method=S256"
        + (kind.equals(SOFT_TOKEN) ? "&acr_values=gfmis-softtoken" : "");
  }

  /** The code of the callback exchanged for tokens at the token endpoint. */
  private static ChainBuilder token(String clientId) {
    return exec(session ->
            step(session, "token").set("code", Pkce.code(session.getString("callback"))))
        .exec(
            counted(
                http("token")
                    .post(TARGET + "/realms/" + REALM + "/protocol/openid-connect/token")
                    .check(status().saveAs("status"))
                    .formParam("grant_type", "authorization_code")
                    .formParam("code", "#{code}")
                    .formParam("redirect_uri", REDIRECT_URI)
                    .formParam("client_id", clientId)
                    .formParam("code_verifier", "#{verifier}")
                    .check(status().is(200))
                    .check(jsonPath("$.id_token").exists())));
  }

  private Session enrollDevice(Session session) {
    try {
      String username = session.getString("username");
      SoftTokenDevice device =
          SoftTokenDevice.enroll(session.getString("activation"), "Load-test device");
      devices.put(username, device);
      if (pushes != null) {
        pushes.subscribe(device, username);
      }
      return session;
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
      return session.markAsFailed();
    } catch (Exception e) {
      System.err.println("enrollment failed: " + e.getMessage());
      return session.markAsFailed();
    }
  }

  private Session deviceChallengesRequest(Session session) {
    SoftTokenDevice device = devices.get(session.getString("username"));
    URI url = device.deviceApiBase().resolve(SoftTokenProtocol.PATH_CHALLENGES);
    return session
        .set("challengesUrl", url.toString())
        .set("deviceAuthorization", device.authorizationHeader("GET", url));
  }

  /** From the listed challenges, the one with the browser's number, answered. */
  private Session deviceApproval(Session session) {
    int number = session.getInt("number");
    try {
      PendingChallenges pending =
          SoftTokenJson.read(session.getString("pending"), PendingChallenges.class);
      PendingChallenge challenge =
          pending.challengesOrEmpty().stream()
              .filter(c -> c.numberChoices().contains(number))
              .findFirst()
              .orElse(null);
      return challenge == null ? session.markAsFailed() : approve(session, challenge, number);
    } catch (Exception e) {
      return session.markAsFailed();
    }
  }

  /** The pushed challenge with the browser's number, answered, once it has arrived. */
  private Session pushedApproval(Session session) {
    int number = session.getInt("number");
    Optional<PendingChallenge> pushed = pushes.take(session.getString("username"), number);
    return pushed.isEmpty() ? session : approve(session, pushed.get(), number);
  }

  /** The device's signed approval: the request's URL and body. */
  private Session approve(Session session, PendingChallenge challenge, int number) {
    SoftTokenDevice device = devices.get(session.getString("username"));
    String jws = device.signedResponse(challenge, Decision.APPROVE, number);
    URI url =
        device.deviceApiBase().resolve(SoftTokenProtocol.challengeResponsePath(challenge.id()));
    return session
        .set("responseUrl", url.toString())
        .set("responseBody", SoftTokenJson.write(new ChallengeResponseRequest(jws)));
  }
}
