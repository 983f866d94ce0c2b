package th.gfmis.keycloak.it.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.BackChannelLogoutRequest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The agency application's back-channel logout endpoint, on loopback: Keycloak POSTs a logout token
 * here when a user's session ends. Each request is parsed with Nimbus and kept for the test.
 */
public final class AgencyEndpoints implements AutoCloseable {

  private static final String LOGOUT_PATH = "/agency/backchannel-logout";
  private static final String CALLBACK_PATH = "/agency/callback";

  private final HttpServer server;
  private final BlockingQueue<BackChannelLogoutRequest> received = new LinkedBlockingQueue<>();

  public AgencyEndpoints() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(LOGOUT_PATH, this::handle);
    server.createContext(CALLBACK_PATH, AgencyEndpoints::landed);
    server.start();
  }

  public String logoutUrl() {
    return base() + LOGOUT_PATH;
  }

  public String callbackUrl() {
    return base() + CALLBACK_PATH;
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void landed(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] page =
          "<!doctype html><html lang=\"en\"><title>Agency</title><p>Back at the agency.</p>"
              .getBytes(UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      String form = new String(body.readAllBytes(), UTF_8);
      try {
        received.add(BackChannelLogoutRequest.parse(URLUtils.parseParameters(form)));
        exchange.sendResponseHeaders(200, -1);
      } catch (com.nimbusds.oauth2.sdk.ParseException e) {
        exchange.sendResponseHeaders(400, -1);
      }
    }
  }

  /** The next logout request, waiting up to the given time; fails if none comes. */
  public BackChannelLogoutRequest await(Duration timeout) throws InterruptedException {
    BackChannelLogoutRequest request = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (request == null) {
      throw new AssertionError("no back-channel logout reached " + logoutUrl() + " in " + timeout);
    }
    return request;
  }

  /** Whether a logout request has come that nobody has taken yet. */
  public boolean hasMore() {
    return !received.isEmpty();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
