package th.gfmis.keycloak.softtoken.server.login;

/**
 * An approximate "browser on platform" from a User-Agent, for the holder to recognise the sign-in
 * on the phone (e.g. "Chrome on Windows"). Never trusted for anything else.
 */
public final class BrowserNames {

  private BrowserNames() {}

  public static String describe(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return "Unknown browser";
    }
    return browser(userAgent) + " on " + platform(userAgent);
  }

  static String browser(String ua) {
    if (ua.contains("Edg/") || ua.contains("Edge/")) {
      return "Edge";
    }
    if (ua.contains("OPR/") || ua.contains("Opera")) {
      return "Opera";
    }
    if (ua.contains("Firefox/") || ua.contains("FxiOS/")) {
      return "Firefox";
    }
    if (ua.contains("Chrome/") || ua.contains("CriOS/") || ua.contains("Chromium/")) {
      return "Chrome";
    }
    if (ua.contains("Safari/") && ua.contains("Version/")) {
      return "Safari";
    }
    return "Unknown browser";
  }

  static String platform(String ua) {
    if (ua.contains("Android")) {
      return "Android";
    }
    if (ua.contains("iPhone") || ua.contains("iPad") || ua.contains("iPod")) {
      return "iOS";
    }
    if (ua.contains("Windows")) {
      return "Windows";
    }
    if (ua.contains("CrOS")) {
      return "ChromeOS";
    }
    if (ua.contains("Mac OS X") || ua.contains("Macintosh")) {
      return "macOS";
    }
    if (ua.contains("Linux")) {
      return "Linux";
    }
    return "unknown platform";
  }
}
