package th.gfmis.keycloak.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Fails early, with the variable to change, when a port the demo needs is taken. */
final class PortGuard {
  private PortGuard() {}

  static void requireFree(int port, String variable) {
    try (ServerSocket socket = new ServerSocket()) {
      // As the servers themselves do: connections of a stopped server that linger in TIME_WAIT
      // do not make the port busy, a listening socket does.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
    } catch (IOException e) {
      throw new DemoException(
          "port "
              + port
              + " is already in use (another Keycloak or demo still running?). "
              + "Stop it, or choose another port with "
              + variable
              + "=<port>",
          e);
    }
  }
}
