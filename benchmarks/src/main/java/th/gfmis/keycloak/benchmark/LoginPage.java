package th.gfmis.keycloak.benchmark;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A page Keycloak answered with, or the client's redirect URI it sent the browser to. */
public record LoginPage(int status, String html, URI callback) {

  private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBER =
      Pattern.compile("id=\"gfmis-softtoken-number\"[^>]*>\\s*(\\d+)\\s*<");
  private static final Pattern ACTIVATION_LINK =
      Pattern.compile("id=\"gfmis-softtoken-link\"\\s+href=\"([^\"]+)\"");

  public static LoginPage page(int status, String html) {
    return new LoginPage(status, html, null);
  }

  static LoginPage callback(URI uri) {
    return new LoginPage(302, "", uri);
  }

  boolean isCallback() {
    return callback != null;
  }

  /** The action URL of the form with this id. */
  public String formAction(String formId) {
    Matcher forms = FORM.matcher(html);
    while (forms.find()) {
      String tag = forms.group();
      if (tag.contains("id=\"" + formId + "\"")) {
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(tag);
        if (action.find()) {
          return unescape(action.group(1));
        }
      }
    }
    throw new IllegalStateException("no form " + formId + " on a page that reads: " + excerpt());
  }

  /** The number the Soft Token approval page asks the holder to pick. */
  public Optional<Integer> displayedNumber() {
    Matcher matcher = NUMBER.matcher(html);
    return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
  }

  /** The activation link of the Get Certificate page. */
  public Optional<String> activationLink() {
    Matcher matcher = ACTIVATION_LINK.matcher(html);
    return matcher.find() ? Optional.of(unescape(matcher.group(1))) : Optional.empty();
  }

  public boolean has(String elementId) {
    return html.contains("id=\"" + elementId + "\"");
  }

  public String excerpt() {
    String text = html.replaceAll("(?s)<script.*?</script>", "").replaceAll("<[^>]+>", " ");
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() > 400 ? text.substring(0, 400) : text;
  }

  private static String unescape(String value) {
    return value
        .replace("&amp;", "&")
        .replace("&#61;", "=")
        .replace("&#x3D;", "=")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
  }
}
