package th.gfmis.keycloak.softtoken.protocol;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** URL rules of the protocol: the server base URL, the device API base and {@code htu}. */
public final class SoftTokenUrls {

  private SoftTokenUrls() {}

  /**
   * Checks and normalises a Keycloak base URL (what precedes {@code /realms/...}): absolute {@code
   * https} URL (plain {@code http} only for a loopback host), a host, no user info, no query, no
   * fragment; scheme and host lower case, default port and trailing slashes removed.
   *
   * @param server the base URL, e.g. {@code https://sso.example.go.th} or {@code https://host/auth}
   * @return the normalised base URL without trailing slash
   * @throws IllegalArgumentException with an English reason when not acceptable
   */
  public static String normalizeServerBaseUrl(String server) {
    if (server == null || server.isEmpty()) {
      throw new IllegalArgumentException("server URL is missing");
    }
    URI uri = parseAbsolute(server, "server URL");
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("server URL must not have a query or fragment");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (scheme.equals("http") && !isLoopback(host)) {
      throw new IllegalArgumentException("server URL must use https (http only for loopback)");
    }
    String path = canonicalPath(uri.getRawPath());
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return scheme + "://" + authority(scheme, host, uri.getPort()) + path;
  }

  /**
   * The device API base: {@code {server}/realms/{realm}/gfmis-softtoken/} (with trailing slash).
   *
   * @param server the Keycloak base URL
   * @param realm the realm name (percent-encoded here as one path segment)
   * @return the base URI
   */
  public static URI deviceApiBase(String server, String realm) {
    if (realm == null || realm.isEmpty()) {
      throw new IllegalArgumentException("realm is missing");
    }
    return URI.create(
        normalizeServerBaseUrl(server)
            + "/realms/"
            + encodePathSegment(realm)
            + "/"
            + SoftTokenProtocol.PROVIDER_ID
            + "/");
  }

  /**
   * Normalises a request URL for the {@code htu} comparison: scheme and host lower case, default
   * port removed, path percent-encoding made canonical (unreserved characters decoded, others
   * upper-case {@code %XX}), empty path as {@code /}, query and fragment dropped. The server
   * compares {@code normalizeHtu(claim)} with {@code normalizeHtu(its own view of the URL)}.
   *
   * @param url an absolute http(s) URL
   * @return the normalised URL
   * @throws IllegalArgumentException when not an absolute http(s) URL with a host
   */
  public static String normalizeHtu(String url) {
    URI uri = parseAbsolute(url, "htu");
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String path = canonicalPath(uri.getRawPath());
    if (path.isEmpty()) {
      path = "/";
    }
    return scheme + "://" + authority(scheme, host, uri.getPort()) + path;
  }

  /**
   * Percent-encodes one path segment: RFC 3986 unreserved characters stay, every other UTF-8 byte
   * becomes upper-case {@code %XX}.
   *
   * @param segment the raw segment
   * @return the encoded segment
   */
  public static String encodePathSegment(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /**
   * Decodes one percent-encoded path segment (UTF-8; {@code +} is a plus, not a space).
   *
   * @param segment the encoded segment
   * @return the decoded text
   * @throws IllegalArgumentException on a bad escape
   */
  public static String decodePathSegment(String segment) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        if (i + 2 >= segment.length()) {
          throw new IllegalArgumentException("bad percent escape");
        }
        int hi = Character.digit(segment.charAt(i + 1), 16);
        int lo = Character.digit(segment.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("bad percent escape");
        }
        out.write((hi << 4) | lo);
        i += 2;
      } else if (c > 0x7f) {
        int codePoint = segment.codePointAt(i);
        byte[] bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        i += Character.charCount(codePoint) - 1;
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Whether a host name is a loopback name or address ({@code localhost}, 127.0.0.0/8, ::1).
   *
   * @param host host from a URI (IPv6 in brackets allowed)
   * @return true for loopback
   */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    } else if (!h.matches("[0-9.]+")) {
      return false;
    }
    try {
      // Only literals reach here: no name lookup happens.
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static URI parseAbsolute(String text, String what) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(what + " is not a valid URI", e);
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equalsIgnoreCase("https")
            || uri.getScheme().equalsIgnoreCase("http"))) {
      throw new IllegalArgumentException(what + " must be an absolute https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException(what + " must have a host name");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(what + " must not contain user info");
    }
    return uri;
  }

  private static String authority(String scheme, String host, int port) {
    boolean defaultPort =
        port == -1
            || (scheme.equals("https") && port == 443)
            || (scheme.equals("http") && port == 80);
    return defaultPort ? host : host + ":" + port;
  }

  private static String canonicalPath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "";
    }
    String[] segments = rawPath.split("/", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        out.append('/');
      }
      out.append(encodePathSegment(decodePathSegment(segments[i])));
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
