package th.gfmis.keycloak.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ports and switches of one demo run. Environment variables give the values, command-line options
 * override them.
 */
record DemoSettings(
    int httpPort,
    int managementPort,
    int smtpPort,
    int webPort,
    boolean keepData,
    int httpsPort,
    String httpsHost) {

  static final int DEFAULT_HTTP_PORT = 8080;
  static final int DEFAULT_MANAGEMENT_PORT = 9000;
  static final int DEFAULT_SMTP_PORT = 3025;
  static final int DEFAULT_WEB_PORT = 8025;
  static final int DEFAULT_HTTPS_PORT = 8443;

  /** Plain HTTP on localhost only (no HTTPS). */
  DemoSettings(int httpPort, int managementPort, int smtpPort, int webPort, boolean keepData) {
    this(httpPort, managementPort, smtpPort, webPort, keepData, 0, null);
  }

  static final String USAGE =
      """
      Usage: ./run-demo.sh [--skip-build] [options]
         or: java -jar demo/target/gfmis-demo.jar [options]

      Options (each also an environment variable):
        --http-port=N        DEMO_HTTP_PORT        Keycloak HTTP port (default 8080)
        --management-port=N  DEMO_MANAGEMENT_PORT  Keycloak management port (default 9000)
        --smtp-port=N        DEMO_SMTP_PORT        mail catcher SMTP port (default 3025)
        --web-port=N         DEMO_WEB_PORT         inbox and demo app port (default 8025)
        --keep-data          DEMO_KEEP_DATA=true   keep Keycloak's database from the last run
        --https              DEMO_HTTPS=true       also serve Keycloak over HTTPS with a certificate
                                                   made on this computer, so that a phone on the
                                                   same network can open the Soft Token app
        --https-port=N       DEMO_HTTPS_PORT       HTTPS port (default 8443; implies --https)
        --https-host=ADDR    DEMO_HTTPS_HOST       the computer's address the phone uses (default:
                                                   its first local network address)
        --help               this text""";

  DemoSettings {
    Map<Integer, String> seen = new HashMap<>();
    check(seen, httpPort, "DEMO_HTTP_PORT");
    check(seen, managementPort, "DEMO_MANAGEMENT_PORT");
    check(seen, smtpPort, "DEMO_SMTP_PORT");
    check(seen, webPort, "DEMO_WEB_PORT");
    if (httpsPort != 0) {
      check(seen, httpsPort, "DEMO_HTTPS_PORT");
      if (httpsHost == null || !httpsHost.matches("[A-Za-z0-9.:-]+")) {
        throw new DemoException("DEMO_HTTPS_HOST must be a host name or address, not " + httpsHost);
      }
    }
  }

  /** Reads the settings; throws {@link DemoException} naming the bad variable or option. */
  static DemoSettings from(Map<String, String> env, List<String> args) {
    int http = port(env.get("DEMO_HTTP_PORT"), DEFAULT_HTTP_PORT, "DEMO_HTTP_PORT");
    int management =
        port(env.get("DEMO_MANAGEMENT_PORT"), DEFAULT_MANAGEMENT_PORT, "DEMO_MANAGEMENT_PORT");
    int smtp = port(env.get("DEMO_SMTP_PORT"), DEFAULT_SMTP_PORT, "DEMO_SMTP_PORT");
    int web = port(env.get("DEMO_WEB_PORT"), DEFAULT_WEB_PORT, "DEMO_WEB_PORT");
    boolean keep = flag(env.get("DEMO_KEEP_DATA"), "DEMO_KEEP_DATA");
    boolean https = flag(env.get("DEMO_HTTPS"), "DEMO_HTTPS");
    int httpsPort = port(env.get("DEMO_HTTPS_PORT"), DEFAULT_HTTPS_PORT, "DEMO_HTTPS_PORT");
    https |= env.get("DEMO_HTTPS_PORT") != null && !env.get("DEMO_HTTPS_PORT").isBlank();
    String host = env.get("DEMO_HTTPS_HOST");
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      String value = eq < 0 ? null : arg.substring(eq + 1);
      switch (name) {
        case "--http-port" -> http = port(required(name, value), 0, name);
        case "--management-port" -> management = port(required(name, value), 0, name);
        case "--smtp-port" -> smtp = port(required(name, value), 0, name);
        case "--web-port" -> web = port(required(name, value), 0, name);
        case "--keep-data" -> keep = value == null || flag(value, name);
        case "--https" -> https = value == null || flag(value, name);
        case "--https-port" -> {
          httpsPort = port(required(name, value), 0, name);
          https = true;
        }
        case "--https-host" -> host = required(name, value).strip();
        default -> throw new DemoException("unknown option " + name + "\n\n" + USAGE);
      }
    }
    if (!https) {
      return new DemoSettings(http, management, smtp, web, keep);
    }
    return new DemoSettings(
        http,
        management,
        smtp,
        web,
        keep,
        httpsPort,
        host == null || host.isBlank() ? LocalAddress.find() : host.strip());
  }

  boolean https() {
    return httpsPort != 0;
  }

  /**
   * Keycloak's base URL as the browser and the demo app reach it: with HTTPS, the computer's
   * address on the local network, so that the QR code of "Get Certificate" opens on a phone.
   */
  String keycloakUrl() {
    if (https()) {
      String host = httpsHost.contains(":") ? "[" + httpsHost + "]" : httpsHost;
      return "https://" + host + ":" + httpsPort;
    }
    return "http://localhost:" + httpPort;
  }

  /** Base URL of the inbox and the demo app. */
  String webUrl() {
    return "http://localhost:" + webPort;
  }

  private static void check(Map<Integer, String> seen, int port, String name) {
    if (port < 1 || port > 65535) {
      throw new DemoException(name + " must be a port number between 1 and 65535, not " + port);
    }
    String other = seen.putIfAbsent(port, name);
    if (other != null) {
      throw new DemoException(name + " and " + other + " are both " + port + "; use two ports");
    }
  }

  private static String required(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new DemoException(option + " needs a value, e.g. " + option + "=8180");
    }
    return value;
  }

  private static int port(String value, int fallback, String name) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException(value);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new DemoException(name + " must be a port number between 1 and 65535, not " + value, e);
    }
  }

  private static boolean flag(String value, String name) {
    if (value == null || value.isBlank()) {
      return false;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new DemoException(name + " must be true or false, not " + value);
    };
  }
}
