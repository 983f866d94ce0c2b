package th.gfmis.keycloak.load;

import io.gatling.javaapi.core.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser's cookie handling for the load test. Keycloak marks its cookies {@code Secure} even on
 * plain HTTP; a browser sends them back to http://127.0.0.1 (a secure context), Gatling's cookie
 * jar does not. So each virtual user keeps them itself, by name, in its session: every page's
 * {@code Set-Cookie} headers are merged in, and every request to Keycloak carries them.
 */
final class Cookies {

  static final String SET_COOKIES = "setCookies";
  static final String JAR = "cookieJar";

  private Cookies() {}

  /** The {@code Cookie} header for the next request ("" when there is none yet). */
  static String header(Session session) {
    Map<String, String> jar = jar(session);
    return jar.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; "));
  }

  /** Merges the {@code Set-Cookie} headers of the last response into the session's cookies. */
  static Session merge(Session session) {
    if (!session.contains(SET_COOKIES)) {
      return session;
    }
    Map<String, String> jar = new LinkedHashMap<>(jar(session));
    List<Object> headers = session.getList(SET_COOKIES);
    for (Object header : headers) {
      String value = String.valueOf(header);
      String pair = value.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = pair.substring(0, eq).strip();
      String content = pair.substring(eq + 1).strip();
      if (content.isEmpty() || value.toLowerCase(Locale.ROOT).contains("max-age=0")) {
        jar.remove(name);
      } else {
        jar.put(name, content);
      }
    }
    return session.set(JAR, jar).remove(SET_COOKIES);
  }

  private static Map<String, String> jar(Session session) {
    if (!session.contains(JAR)) {
      return Map.of();
    }
    return session.get(JAR);
  }
}
