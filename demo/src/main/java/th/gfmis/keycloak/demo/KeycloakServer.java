package th.gfmis.keycloak.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Keycloak server process: {@code kc.sh start-dev --import-realm}, its output in a log file,
 * and a stop that leaves no process behind.
 */
final class KeycloakServer implements AutoCloseable {
  static final String ADMIN_USERNAME = "admin";
  static final String ADMIN_PASSWORD = "admin";

  /** The key the demo realm's citizen IDs were hashed with. A demo value, never for production. */
  static final String DEMO_CID_HASH_KEY = "gfmis-demo-cid-hash-key-not-for-production";

  private static final Duration GRACE = Duration.ofSeconds(30);

  private final Process process;
  private final Path log;

  private KeycloakServer(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static KeycloakServer start(
      Path home, Path script, DemoSettings settings, Path log, DemoCertificates https)
      throws IOException {
    List<String> command = new ArrayList<>();
    if (script.getFileName().toString().endsWith(".bat")) {
      command.addAll(List.of("cmd.exe", "/c"));
    }
    command.addAll(
        List.of(
            script.toString(),
            "start-dev",
            "--import-realm",
            "--http-port=" + settings.httpPort(),
            "--http-management-port=" + settings.managementPort()));
    if (https != null) {
      command.add("--https-port=" + settings.httpsPort());
      command.add("--https-key-store-file=" + https.serverKeyStore());
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    Map<String, String> env = builder.environment();
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("KC_SPI_GFMIS_CITIZEN_ID__DEFAULT__HASH_KEY", DEMO_CID_HASH_KEY);
    // The web app on a phone may turn on notifications (sent through the browsers' push services).
    env.put("KC_SPI_GFMIS_SOFTTOKEN_PUSH__PROVIDER", "web-push");
    if (https != null) {
      // In the environment, not on the command line that every user of the machine can list.
      env.put("KC_HTTPS_KEY_STORE_PASSWORD", https.password());
    }
    Files.createDirectories(log.getParent());
    builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    Process process = builder.start();
    process.getOutputStream().close();
    return new KeycloakServer(process, log);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  /** The last lines Keycloak wrote, to show why it did not start. */
  List<String> logTail(int lines) {
    try {
      // new String(...) replaces malformed input instead of failing on it.
      List<String> all =
          new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
    }
  }

  /**
   * Stops Keycloak and every process it started: a polite SIGTERM to the script and its descendants
   * first, a forced kill for whatever still runs after the grace period.
   */
  @Override
  public void close() {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(process.toHandle());
    process.descendants().forEach(tree::add);
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + GRACE.toNanos();
    for (ProcessHandle handle : tree) {
      long left = deadline - System.nanoTime();
      try {
        handle.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // Forced below.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (ProcessHandle handle : tree) {
      if (handle.isAlive()) {
        handle.destroyForcibly();
        awaitBriefly(handle.onExit());
      }
    }
  }

  private static void awaitBriefly(CompletableFuture<ProcessHandle> exit) {
    try {
      exit.get(5, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Nothing more to do for a process that ignores SIGKILL.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
