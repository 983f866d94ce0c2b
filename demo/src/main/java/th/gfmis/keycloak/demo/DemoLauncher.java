package th.gfmis.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the whole local system and stops it on Ctrl-C: a mail catcher with a web inbox, the demo
 * app, and Keycloak with the GFMIS provider and the realms of {@code realm-export/}.
 */
public final class DemoLauncher {
  private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

  private final DemoSettings settings;
  private final DemoLayout layout;
  private final ShutdownSequence shutdown = new ShutdownSequence();

  private DemoLauncher(DemoSettings settings, DemoLayout layout) {
    this.settings = settings;
    this.layout = layout;
  }

  public static void main(String[] args) {
    List<String> options = List.of(args);
    if (options.contains("--help") || options.contains("-h")) {
      System.out.println(DemoSettings.USAGE);
      return;
    }
    int status;
    try {
      DemoLauncher launcher =
          new DemoLauncher(DemoSettings.from(System.getenv(), options), DemoLayout.locate());
      status = launcher.run();
    } catch (DemoException e) {
      System.err.println("gfmis-demo: " + e.getMessage());
      status = 2;
    } catch (IOException e) {
      System.err.println("gfmis-demo: " + e);
      status = 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 130;
    } catch (RuntimeException e) {
      System.err.println("gfmis-demo: unexpected error");
      e.printStackTrace();
      status = 1;
    }
    // Runs the shutdown hook, which stops whatever was started.
    System.exit(status);
  }

  private int run() throws IOException, InterruptedException {
    PortGuard.requireFree(settings.httpPort(), "DEMO_HTTP_PORT");
    PortGuard.requireFree(settings.managementPort(), "DEMO_MANAGEMENT_PORT");
    PortGuard.requireFree(settings.smtpPort(), "DEMO_SMTP_PORT");
    PortGuard.requireFree(settings.webPort(), "DEMO_WEB_PORT");
    DemoCertificates https = null;
    if (settings.https()) {
      PortGuard.requireFree(settings.httpsPort(), "DEMO_HTTPS_PORT");
      https = DemoCertificates.ensure(layout.httpsDir(), settings.httpsHost());
      // The launcher's own calls to Keycloak (readiness, grants, the demo app) trust the local CA.
      System.setProperty("javax.net.ssl.trustStore", https.trustStore().toString());
      System.setProperty("javax.net.ssl.trustStorePassword", https.password());
      System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
      System.out.println(
          "HTTPS:         certificate for "
              + settings.httpsHost()
              + " by the local CA "
              + layout.show(https.caCertificate()));
    }

    ObjectMapper json = new ObjectMapper();
    KeycloakDistribution distribution = new KeycloakDistribution(layout, json);
    Path script = distribution.startScript();
    for (Path jar : distribution.installProviders()) {
      System.out.println("Provider:      " + layout.show(jar));
    }
    if (settings.keepData()) {
      System.out.println(
          "Database:      kept from the last run (realms already there are not re-imported)");
    } else {
      distribution.resetDatabase();
      System.out.println("Database:      fresh (set DEMO_KEEP_DATA=true to keep it between runs)");
    }
    List<DemoUser> users = new ArrayList<>();
    for (JsonNode realm : distribution.importRealms(RealmImportRewriter.forSettings(settings))) {
      System.out.println("Realm import:  " + realm.path("realm").asText("?"));
      users.addAll(DemoUsers.of(realm));
    }

    Runtime.getRuntime().addShutdownHook(new Thread(shutdown, "demo-shutdown"));

    MailArchive archive = new MailArchive(layout.mailboxDir(), Clock.systemUTC());
    shutdown.add("mail catcher", MailCatcher.start(settings.smtpPort(), archive));
    System.out.println("Mail catcher:  SMTP localhost:" + settings.smtpPort());

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    DisplayTime time = new DisplayTime(ZoneId.systemDefault());
    OidcClient oidc = OidcClient.forSettings(settings);
    shutdown.add(
        "web inbox and demo app",
        WebServer.start(
            settings.webPort(),
            new InboxHandler(archive, time, settings),
            new DemoAppHandler(oidc, json, time, Clock.systemUTC(), settings)));
    System.out.println("Web inbox:     " + settings.webUrl() + "/");

    KeycloakServer keycloak =
        KeycloakServer.start(layout.keycloakHome(), script, settings, layout.keycloakLog(), https);
    shutdown.add("Keycloak", keycloak);
    System.out.println(
        "Keycloak:      starting on "
            + settings.keycloakUrl()
            + " (first start takes about a minute; log: "
            + layout.show(layout.keycloakLog())
            + ")");

    URI ready =
        URI.create(
            settings.keycloakUrl()
                + "/realms/"
                + OidcClient.REALM
                + "/.well-known/openid-configuration");
    if (!new ReadinessProbe(http).awaitOk(ready, STARTUP_TIMEOUT, keycloak::isAlive)) {
      if (shutdown.started()) {
        return 0; // Ctrl-C while Keycloak was starting.
      }
      System.err.println(
          keycloak.isAlive()
              ? "gfmis-demo: Keycloak did not answer "
                  + ready
                  + " within "
                  + STARTUP_TIMEOUT.toSeconds()
                  + " s."
              : "gfmis-demo: Keycloak stopped while starting.");
      System.err.println("Last lines of " + layout.show(layout.keycloakLog()) + ":");
      keycloak.logTail(40).forEach(line -> System.err.println("  | " + line));
      return 1;
    }
    try {
      int granted = new DemoEnrollmentGrants(http, json, settings.keycloakUrl()).grantAll(users);
      System.out.println(
          "Soft Token:    "
              + granted
              + " demo user(s) without a device granted one enrollment (as an administrator"
              + " would)");
    } catch (IOException e) {
      System.err.println(
          "gfmis-demo: could not grant the demo users an enrollment ("
              + e.getMessage()
              + "); grant it in the admin API to let them get a certificate");
    }
    System.out.print(Banner.text(settings, layout, users));

    int exit = keycloak.waitFor();
    if (shutdown.started()) {
      return 0;
    }
    System.err.println(
        "gfmis-demo: Keycloak exited by itself (exit code "
            + exit
            + "); stopping the demo. See "
            + layout.show(layout.keycloakLog()));
    return exit == 0 ? 1 : exit;
  }
}
