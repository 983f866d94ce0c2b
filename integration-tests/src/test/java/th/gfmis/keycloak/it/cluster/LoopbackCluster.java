package th.gfmis.keycloak.it.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The two-node cluster of {@code run-cluster.sh}, driven through that script exactly as an operator
 * would run it: start on a fresh database, crash a node with {@code kill -9}, start it again, stop.
 */
final class LoopbackCluster {

  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(12);

  private final Path script;
  private final Path log;

  LoopbackCluster(Path repositoryRoot, Path log) {
    this.script = repositoryRoot.resolve("run-cluster.sh");
    this.log = log;
  }

  /** Builds the server if needed and starts both nodes and the load balancer on a new database. */
  void start() {
    run("start", "--fresh");
  }

  void stop() {
    run("stop");
  }

  /** SIGKILL: the node's process ends at once, without leaving the cluster. */
  void kill(ClusterNode node) {
    run("kill", node.scriptName());
  }

  /** Starts a killed node again and waits until it is ready. */
  void restart(ClusterNode node) {
    run("restart", node.scriptName());
  }

  boolean isReady(ClusterNode node) {
    try {
      HttpResponse<Void> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(node.readinessUrl()))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void run(String... args) {
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    String mavenRepo = System.getProperty("maven.repo.local");
    if (mavenRepo != null && !mavenRepo.isBlank()) {
      builder.environment().put("CLUSTER_MAVEN_REPO", mavenRepo);
    }
    try {
      Files.createDirectories(log.getParent());
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Process process = builder.start();
      if (!process.waitFor(SCRIPT_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish; see " + log);
      }
      if (process.exitValue() != 0) {
        throw new AssertionError(
            String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + tail());
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
