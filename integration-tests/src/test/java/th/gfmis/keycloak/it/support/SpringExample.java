package th.gfmis.keycloak.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Spring Boot example of docs/examples/spring (Spring Security's OAuth2 client) as an
 * agency would: the jar the build made, on a free loopback port, configured by its environment
 * variables. The project build builds the jar (the example is a module of the root POM).
 */
public final class SpringExample implements AutoCloseable {

  private static final Path JAR =
      Path.of(
          "..", "docs", "examples", "spring", "target", "gfmis-signin-spring-example-1.0.0.jar");
  private static final Duration START = Duration.ofSeconds(90);

  private final Process process;
  private final Path log;
  private final String baseUrl;

  private SpringExample(Process process, Path log, String baseUrl) {
    this.process = process;
    this.log = log;
    this.baseUrl = baseUrl;
  }

  /** A free loopback port, for the redirect and logout URIs registered before the start. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Starts the example on {@code port} and waits until it answers. */
  public static SpringExample start(int port, Map<String, String> environment)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(JAR)) {
      throw new AssertionError(JAR + " is missing: build the project first (mvn install)");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = Path.of("target", "spring-example-" + port + ".log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(java.toString(), "-jar", JAR.toString(), "--server.port=" + port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    SpringExample example = new SpringExample(builder.start(), log, "http://127.0.0.1:" + port);
    try {
      example.awaitAnswer();
    } catch (IOException | InterruptedException | AssertionError e) {
      example.close();
      throw e;
    }
    return example;
  }

  /** http://127.0.0.1:{port}, the address the browser uses (and the registered URIs start with). */
  public String baseUrl() {
    return baseUrl;
  }

  private void awaitAnswer() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(START);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("the Spring example ended:\n" + Files.readString(log));
      }
      try {
        // Signed out, the example sends the browser to its sign-in: a redirect means it is up.
        int status =
            http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status == 302) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the Spring example did not start:\n" + Files.readString(log));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
