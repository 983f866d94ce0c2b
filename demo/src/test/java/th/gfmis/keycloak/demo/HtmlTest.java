package th.gfmis.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapesEveryCharacterThatCanLeaveTextOrAnAttribute() {
    assertEquals(
        "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;q&#39;",
        Html.escape("<img src=x onerror=\"alert(1)\"> & 'q'"));
    assertEquals("", Html.escape(null));
    assertEquals("รหัส OTP ของท่าน", Html.escape("รหัส OTP ของท่าน"));
  }

  @Test
  void linkifyEscapesTextAndUrlsAndKeepsTrailingPunctuationOutsideTheLink() {
    String html = Html.linkify("Reset: http://localhost:8080/x?a=1&b=2. <script>alert(1)</script>");
    assertEquals(
        "Reset: <a href=\"http://localhost:8080/x?a=1&amp;b=2\" target=\"_blank\""
            + " rel=\"noopener noreferrer\">http://localhost:8080/x?a=1&amp;b=2</a>."
            + " &lt;script&gt;alert(1)&lt;/script&gt;",
        html);
  }

  @Test
  void linkifyDoesNotLinkOtherSchemesOrBreakOutOfTheAttribute() {
    String html = Html.linkify("javascript:alert(1) https://a.example/\"onmouseover=x");
    assertFalse(html.contains("href=\"javascript"), html);
    assertFalse(html.contains("\"onmouseover"), html);
    assertTrue(html.contains("&quot;onmouseover=x"), html);
  }

  @Test
  void baseTargetGoesIntoTheHeadOrInFront() {
    assertEquals(
        "<html><HEAD lang=\"th\"><base target=\"_blank\"><title>x</title></HEAD></html>",
        Html.withLinksInNewTab("<html><HEAD lang=\"th\"><title>x</title></HEAD></html>"));
    assertEquals(
        "<base target=\"_blank\"><header>x</header>", Html.withLinksInNewTab("<header>x</header>"));
  }

  @Test
  void pageEscapesTheTitle() {
    assertTrue(Html.page("<b>", "").contains("<title>&lt;b&gt;</title>"));
  }
}
