package th.gfmis.keycloak.demo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTML escaping and the page frame of the inbox and the demo app. */
final class Html {
  private static final Pattern WEB_LINK = Pattern.compile("https?://[^\\s<>\"'`]+");

  private Html() {}

  /** Escapes text for use in element content and in double- or single-quoted attributes. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Escapes plain text and turns its http(s) links into anchors that open in a new tab (the reset
   * and verification links of Keycloak's e-mails).
   */
  static String linkify(String text) {
    if (text == null) {
      return "";
    }
    Matcher matcher = WEB_LINK.matcher(text);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (matcher.find()) {
      String url = trimTrailingPunctuation(matcher.group());
      out.append(escape(text.substring(last, matcher.start())));
      out.append("<a href=\"")
          .append(escape(url))
          .append("\" target=\"_blank\" rel=\"noopener noreferrer\">")
          .append(escape(url))
          .append("</a>");
      last = matcher.start() + url.length();
    }
    out.append(escape(text.substring(last)));
    return out.toString();
  }

  private static String trimTrailingPunctuation(String url) {
    int end = url.length();
    while (end > 0 && ".,;:!?)]}".indexOf(url.charAt(end - 1)) >= 0) {
      end--;
    }
    return url.substring(0, end);
  }

  /**
   * Makes the links of an HTML document open in a new tab, by a {@code <base target="_blank">} at
   * the start of its head (or of the document, when it has no head).
   */
  static String withLinksInNewTab(String html) {
    String base = "<base target=\"_blank\">";
    Matcher head = HEAD_TAG.matcher(html);
    if (head.find()) {
      return html.substring(0, head.end()) + base + html.substring(head.end());
    }
    return base + html;
  }

  private static final Pattern HEAD_TAG =
      Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);

  /** A complete page; {@code title} is text, {@code body} is HTML the caller has escaped. */
  static String page(String title, String body) {
    return page(title, body, 0);
  }

  /** A page that reloads itself every {@code refreshSeconds} seconds (0: never). */
  static String page(String title, String body, int refreshSeconds) {
    return "<!DOCTYPE html>\n<html lang=\"th\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + (refreshSeconds > 0
            ? "<meta http-equiv=\"refresh\" content=\"" + refreshSeconds + "\">"
            : "")
        + "<title>"
        + escape(title)
        + "</title><style>"
        + STYLE
        + "</style></head><body>"
        + body
        + "</body></html>\n";
  }

  private static final String STYLE =
      "body{font-family:Sarabun,'Noto Sans Thai',Tahoma,'Segoe UI',sans-serif;margin:2rem auto;"
          + "max-width:60rem;padding:0 1rem;color:#1d2733;line-height:1.5}"
          + "h1{font-size:1.5rem;margin-bottom:.25rem}"
          + "h1 small,.en{color:#5b6776;font-weight:normal;font-size:.85em}"
          + "table{border-collapse:collapse;width:100%}"
          + "th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #dde3ea;"
          + "vertical-align:top}"
          + "th{background:#f3f6f9}"
          + "pre{white-space:pre-wrap;word-break:break-word;background:#f7f9fb;padding:1rem;"
          + "border:1px solid #dde3ea}"
          + "iframe{width:100%;height:32rem;border:1px solid #dde3ea;background:#fff}"
          + ".button{display:inline-block;background:#0b5cad;color:#fff;padding:.6rem 1.2rem;"
          + "border:0;border-radius:.3rem;text-decoration:none;font-size:1rem;cursor:pointer}"
          + ".muted{color:#5b6776}.error{color:#a4000f}"
          + "nav a{margin-right:1rem}";
}
