package th.gfmis.keycloak.softtoken.protocol;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the QR code of "Get Certificate" carries: the Keycloak base URL, the realm and a one-time
 * activation code.
 *
 * <p>Two textual forms:
 *
 * <ul>
 *   <li>the activation URI (the QR code's text): {@code
 *       gfmis-softtoken://enroll?v=1&server=<form-urlencoded base URL>&realm=<form-urlencoded
 *       realm>&code=<code>};
 *   <li>the optional https activation link, for a phone that shows the page itself: {@code
 *       {server}/realms/{realm}/gfmis-softtoken/activate?code=<code>}.
 * </ul>
 *
 * <p>{@link #parse(String)} reads both, strictly.
 *
 * @param server the normalised Keycloak base URL, without trailing slash
 * @param realm the realm name
 * @param code the activation code
 */
public record ActivationUri(String server, String realm, String code) {

  private static final int MAX_LENGTH = 2048;
  private static final int MAX_REALM_LENGTH = 255;
  private static final Set<String> PARAMETERS =
      Set.of(
          SoftTokenProtocol.PARAM_VERSION,
          SoftTokenProtocol.PARAM_SERVER,
          SoftTokenProtocol.PARAM_REALM,
          SoftTokenProtocol.PARAM_CODE);

  /**
   * Validates and normalises.
   *
   * @param server the Keycloak base URL
   * @param realm the realm name
   * @param code the activation code
   * @throws IllegalArgumentException when a part is not acceptable
   */
  public ActivationUri {
    server = SoftTokenUrls.normalizeServerBaseUrl(server);
    if (realm == null || realm.isEmpty() || realm.length() > MAX_REALM_LENGTH) {
      throw new IllegalArgumentException("realm must be 1 to " + MAX_REALM_LENGTH + " characters");
    }
    if (realm.contains("/") || Checks.hasControlCharacters(realm)) {
      throw new IllegalArgumentException("realm must not contain '/' or control characters");
    }
    if (!ActivationCodes.isWellFormed(code)) {
      throw new IllegalArgumentException(
          "code must be " + ActivationCodes.LENGTH + " base64url characters");
    }
  }

  /**
   * The QR code text: {@code gfmis-softtoken://enroll?v=1&server=...&realm=...&code=...}.
   *
   * @return the activation URI
   */
  public String toUriString() {
    return SoftTokenProtocol.URI_SCHEME
        + "://"
        + SoftTokenProtocol.URI_ACTION_ENROLL
        + "?"
        + SoftTokenProtocol.PARAM_VERSION
        + "="
        + SoftTokenProtocol.VERSION
        + "&"
        + SoftTokenProtocol.PARAM_SERVER
        + "="
        + URLEncoder.encode(server, StandardCharsets.UTF_8)
        + "&"
        + SoftTokenProtocol.PARAM_REALM
        + "="
        + URLEncoder.encode(realm, StandardCharsets.UTF_8)
        + "&"
        + SoftTokenProtocol.PARAM_CODE
        + "="
        + code;
  }

  /**
   * The https activation link: {@code {server}/realms/{realm}/gfmis-softtoken/activate?code=...}.
   *
   * @return the link
   */
  public String toHttpsLink() {
    return deviceApiBase() + SoftTokenProtocol.PATH_ACTIVATE + "?code=" + code;
  }

  /**
   * The device API base, {@code {server}/realms/{realm}/gfmis-softtoken/}.
   *
   * @return the base URI, with trailing slash
   */
  public URI deviceApiBase() {
    return SoftTokenUrls.deviceApiBase(server, realm);
  }

  /** The URI form, with the code hidden, so that the record never leaks a code into a log. */
  @Override
  public String toString() {
    return "ActivationUri[server=" + server + ", realm=" + realm + ", code=(hidden)]";
  }

  /**
   * Parses an activation URI or an https activation link, strictly: exactly the parameters of
   * version 1, each once, nothing else; see the class comment.
   *
   * @param text the QR code text or link
   * @return the parsed value
   * @throws InvalidActivationUriException with an English reason
   */
  public static ActivationUri parse(String text) throws InvalidActivationUriException {
    if (text == null || text.isEmpty()) {
      throw new InvalidActivationUriException("empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidActivationUriException("longer than " + MAX_LENGTH + " characters");
    }
    if (text.codePoints().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
      throw new InvalidActivationUriException("contains spaces or control characters");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new InvalidActivationUriException("not a URI (" + e.getReason() + ")");
    }
    if (uri.getScheme() == null) {
      throw new InvalidActivationUriException("no scheme");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals(SoftTokenProtocol.URI_SCHEME)) {
      return parseAppUri(uri);
    }
    if (scheme.equals("https") || scheme.equals("http")) {
      return parseHttpsLink(uri);
    }
    throw new InvalidActivationUriException(
        "scheme must be " + SoftTokenProtocol.URI_SCHEME + " or https, not " + scheme);
  }

  private static ActivationUri parseAppUri(URI uri) throws InvalidActivationUriException {
    if (uri.isOpaque()) {
      throw new InvalidActivationUriException(
          "must start with " + SoftTokenProtocol.URI_SCHEME + "://");
    }
    if (uri.getRawAuthority() == null
        || !uri.getRawAuthority().equalsIgnoreCase(SoftTokenProtocol.URI_ACTION_ENROLL)) {
      throw new InvalidActivationUriException(
          "action must be " + SoftTokenProtocol.URI_ACTION_ENROLL);
    }
    String path = uri.getRawPath();
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      throw new InvalidActivationUriException("unexpected path " + path);
    }
    if (uri.getRawFragment() != null) {
      throw new InvalidActivationUriException("unexpected fragment");
    }
    Map<String, String> params = query(uri.getRawQuery(), PARAMETERS);
    for (String name : PARAMETERS) {
      if (!params.containsKey(name)) {
        throw new InvalidActivationUriException("missing parameter " + name);
      }
    }
    String version = params.get(SoftTokenProtocol.PARAM_VERSION);
    if (!version.equals(SoftTokenProtocol.VERSION)) {
      throw new InvalidActivationUriException(
          "unsupported protocol version "
              + version
              + " (this device speaks "
              + SoftTokenProtocol.VERSION
              + ")");
    }
    return build(
        params.get(SoftTokenProtocol.PARAM_SERVER),
        params.get(SoftTokenProtocol.PARAM_REALM),
        params.get(SoftTokenProtocol.PARAM_CODE));
  }

  private static ActivationUri parseHttpsLink(URI uri) throws InvalidActivationUriException {
    if (uri.getRawFragment() != null) {
      throw new InvalidActivationUriException("unexpected fragment");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String suffix = "/" + SoftTokenProtocol.PROVIDER_ID + "/" + SoftTokenProtocol.PATH_ACTIVATE;
    if (!path.endsWith(suffix)) {
      throw new InvalidActivationUriException("link path must end with /realms/{realm}" + suffix);
    }
    String beforeSuffix = path.substring(0, path.length() - suffix.length());
    int lastSlash = beforeSuffix.lastIndexOf('/');
    String realmSegment = lastSlash < 0 ? "" : beforeSuffix.substring(lastSlash + 1);
    String beforeRealm = lastSlash < 0 ? "" : beforeSuffix.substring(0, lastSlash);
    if (realmSegment.isEmpty() || !beforeRealm.endsWith("/realms")) {
      throw new InvalidActivationUriException("link path must end with /realms/{realm}" + suffix);
    }
    String realm;
    try {
      realm = SoftTokenUrls.decodePathSegment(realmSegment);
    } catch (IllegalArgumentException e) {
      throw new InvalidActivationUriException("bad percent-encoding in realm");
    }
    Map<String, String> params = query(uri.getRawQuery(), Set.of(SoftTokenProtocol.PARAM_CODE));
    if (!params.containsKey(SoftTokenProtocol.PARAM_CODE)) {
      throw new InvalidActivationUriException("missing parameter code");
    }
    String server =
        uri.getScheme()
            + "://"
            + uri.getRawAuthority()
            + beforeRealm.substring(0, beforeRealm.length() - "/realms".length());
    return build(server, realm, params.get(SoftTokenProtocol.PARAM_CODE));
  }

  private static ActivationUri build(String server, String realm, String code)
      throws InvalidActivationUriException {
    try {
      return new ActivationUri(server, realm, code);
    } catch (IllegalArgumentException e) {
      throw new InvalidActivationUriException(e.getMessage());
    }
  }

  private static Map<String, String> query(String rawQuery, Set<String> allowed)
      throws InvalidActivationUriException {
    if (rawQuery == null || rawQuery.isEmpty()) {
      throw new InvalidActivationUriException("no query parameters");
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new InvalidActivationUriException("malformed parameter '" + pair + "'");
      }
      String name = pair.substring(0, eq);
      if (!allowed.contains(name)) {
        throw new InvalidActivationUriException("unknown parameter " + name);
      }
      String value;
      try {
        value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new InvalidActivationUriException("bad percent-encoding in parameter " + name);
      }
      if (params.put(name, value) != null) {
        throw new InvalidActivationUriException("parameter " + name + " appears more than once");
      }
    }
    return params;
  }
}
