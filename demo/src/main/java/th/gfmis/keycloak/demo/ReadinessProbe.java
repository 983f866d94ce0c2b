package th.gfmis.keycloak.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a URL to answer 200, once a second, while the server it belongs to is alive. */
final class ReadinessProbe {
  private static final Duration INTERVAL = Duration.ofSeconds(1);

  private final HttpClient http;

  ReadinessProbe(HttpClient http) {
    this.http = http;
  }

  /**
   * @return true once {@code url} answers 200; false when {@code timeout} passes or {@code alive}
   *     turns false first
   */
  boolean awaitOk(URI url, Duration timeout, BooleanSupplier alive) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (alive.getAsBoolean() && System.nanoTime() < deadline) {
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(INTERVAL.toMillis());
    }
    return false;
  }
}
