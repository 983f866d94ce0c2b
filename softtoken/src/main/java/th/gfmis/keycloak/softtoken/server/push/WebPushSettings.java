package th.gfmis.keycloak.softtoken.server.push;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.keycloak.Config;

/**
 * Operator settings of the {@code web-push} provider ({@code
 * --spi-gfmis-softtoken-push--web-push--<option>}).
 *
 * <p>The endpoint rule keeps the server from being made to call arbitrary URLs (SSRF): a device may
 * only register an {@code https} endpoint on a known push service host, or a subdomain of one.
 * Hosts on the loopback or a private network are only reachable when the operator lists them (and
 * {@code allowHttp} for plain http), which is for tests.
 *
 * @param hosts push service hosts; an entry also allows its subdomains
 * @param allowHttp whether plain {@code http} endpoints are allowed (tests only)
 * @param subject the VAPID {@code sub} claim ({@code mailto:} or {@code https:}), or null for the
 *     realm's own address
 * @param timeout how long one push may take, connection included
 */
public record WebPushSettings(
    List<String> hosts, boolean allowHttp, String subject, Duration timeout) {

  /** Push services of the browsers in use: Chrome/Edge/Android, Firefox, Safari, old Edge. */
  public static final String DEFAULT_HOSTS =
      "fcm.googleapis.com,updates.push.services.mozilla.com,push.apple.com,notify.windows.com";

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  static WebPushSettings from(Config.Scope config) {
    String subject = config.get("subject");
    return new WebPushSettings(
        parseHosts(config.get("hosts", DEFAULT_HOSTS)),
        config.getBoolean("allow-http", false),
        subject == null || subject.isBlank() ? null : subject.strip(),
        Duration.ofMillis(config.getLong("timeout-millis", DEFAULT_TIMEOUT.toMillis())));
  }

  static List<String> parseHosts(String list) {
    return Arrays.stream(list.split(","))
        .map(h -> h.strip().toLowerCase(Locale.ROOT))
        .filter(h -> !h.isEmpty())
        .toList();
  }

  /**
   * Whether the server may send to this endpoint.
   *
   * @param endpoint an absolute URL (checked for form by the protocol)
   * @return true for {@code https} (or {@code http} when allowed) on a listed host or subdomain
   */
  public boolean allows(URI endpoint) {
    String scheme =
        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
      return false;
    }
    String host = endpoint.getHost();
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      return false;
    }
    return hosts.stream().anyMatch(allowed -> h.equals(allowed) || h.endsWith("." + allowed));
  }
}
