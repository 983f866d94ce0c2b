package th.gfmis.keycloak.demo;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The demo's own web server on the loopback interface: the inbox at {@code /}, the app at {@code
 * /app}.
 */
final class WebServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private WebServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  static WebServer start(int port, HttpHandler inbox, HttpHandler app) throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new DemoException(
          "cannot serve the inbox on port " + port + " (choose another with DEMO_WEB_PORT)", e);
    }
    server.createContext("/", inbox);
    server.createContext("/app", app);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            4,
            task -> {
              Thread thread = new Thread(task, "demo-web");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.start();
    return new WebServer(server, executor);
  }

  /** The bound port (useful when started on port 0). */
  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
