package th.gfmis.keycloak.demo;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/** The computer's address on the local network, as a phone on the same Wi-Fi reaches it. */
final class LocalAddress {
  private LocalAddress() {}

  /** The first site-local IPv4 address of an interface that is up, else {@code 127.0.0.1}. */
  static String find() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
            return address.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      // No interfaces to read: loopback below.
    }
    return "127.0.0.1";
  }
}
