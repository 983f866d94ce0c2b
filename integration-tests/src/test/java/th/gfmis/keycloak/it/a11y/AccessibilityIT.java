package th.gfmis.keycloak.it.a11y;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import th.gfmis.keycloak.it.support.AccessibilityCheck;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisRealmConfig;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Holders;
import th.gfmis.keycloak.it.support.Mailbox;
import th.gfmis.keycloak.it.support.PageInspector;
import th.gfmis.keycloak.it.support.PageInspector.FocusStop;
import th.gfmis.keycloak.it.support.PageInspector.Overflow;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.it.support.RealmSettings;
import th.gfmis.keycloak.it.support.ResetSteps;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.it.support.pages.ChangePasswordPage;
import th.gfmis.keycloak.it.support.pages.GetCertificatePage;
import th.gfmis.keycloak.it.support.pages.ResetConfirmedPage;
import th.gfmis.keycloak.it.support.pages.ResetIdentifyPage;
import th.gfmis.keycloak.it.support.pages.ResetOtpPage;
import th.gfmis.keycloak.it.support.pages.SoftTokenApprovePage;
import th.gfmis.keycloak.it.support.pages.SoftTokenResultPage;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;

/**
 * Every page of the {@code gfmis} login theme, once in Thai and once in English, along a holder's
 * real journey: forgotten password by OTP, the forced change, Get Certificate, the Soft Token
 * approval, denial and timeout. On each page: axe-core's WCAG 2.1 A/AA rules (run by the steps
 * themselves, see {@link Pages}), the page's language, the keyboard path with visible focus, and no
 * sideways scrolling on a 320-pixel-wide screen or at 200% zoom. One run lists every finding.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class AccessibilityIT {

  private static final Logger LOG = Logger.getLogger(AccessibilityIT.class);
  private static final String BROWSER_FLOW = "gfmis browser";
  private static final String SOFT_TOKEN_CONFIG = "gfmis softtoken";

  @InjectRealm(fromJson = GfmisRealmConfig.REALM_JSON, config = GfmisRealmConfig.class)
  ManagedRealm realm;

  @InjectMailServer MailServer mailServer;

  @InjectWebDriver ManagedWebDriver webDriver;

  @InjectAdminClient Keycloak adminClient;

  @InjectKeycloakUrls KeycloakUrls urls;

  @Test
  void everyPageInThai() throws Exception {
    everyPageOfTheTheme("th");
  }

  @Test
  void everyPageInEnglish() throws Exception {
    everyPageOfTheTheme("en");
  }

  @Test
  void aPageWithAViolationFailsTheStepThatReadsItNamingRuleImpactAndElement() {
    WebDriver driver = webDriver.driver();
    Pages pages = new Pages(driver);
    pages.openSignedOut(
        realm.getBaseUrl(), new GfmisClient(realm.getBaseUrl()).authorizationUrl("en"));
    driver.navigate().refresh();
    ((JavascriptExecutor) driver)
        .executeScript("document.querySelector('label[for=username]').remove();");

    AssertionError failure = assertThrows(AssertionError.class, () -> pages.text("kc-page-title"));
    assertTrue(failure.getMessage().contains("label [critical]"), failure.getMessage());
    assertTrue(failure.getMessage().contains("[#username]"), failure.getMessage());
  }

  private void everyPageOfTheTheme(String locale) throws Exception {
    Findings findings = new Findings(locale);
    try {
      AccessibilityCheck.collecting(findings.failures, () -> walk(locale, findings));
    } catch (Exception | AssertionError e) {
      throw new AssertionError(
          "the walk stopped after " + findings.pages + "; findings so far:\n" + findings, e);
    }
    LOG.infof("Pages inspected in %s: %s", locale, findings.pages);
    assertEquals(
        List.of(
            "login",
            "identify",
            "identify with field errors",
            "OTP",
            "OTP with a wrong code",
            "data confirmed",
            "login with the password-sent message",
            "forced password change",
            "forced password change with a field error",
            "Get Certificate",
            "Get Certificate done",
            "Soft Token approval",
            "result: denied",
            "result: timeout"),
        findings.pages);
    assertTrue(
        findings.failures.isEmpty(),
        findings.failures.size() + " accessibility finding(s) in " + locale + ":\n" + findings);
  }

  private void walk(String locale, Findings findings) throws Exception {
    Pages pages = new Pages(webDriver.driver());
    Mailbox mailbox = new Mailbox(mailServer);
    ResetSteps reset = new ResetSteps(pages, realm.getBaseUrl());
    SoftTokenSteps softToken = new SoftTokenSteps(pages);
    GetCertificatePage certificate = new GetCertificatePage(pages);
    SoftTokenResultPage result = new SoftTokenResultPage(pages);
    Holder holder = new Holders(adminClient, realm, urls.getBase()).create(locale);
    GfmisClient gfmis = new GfmisClient(realm.getBaseUrl());

    pages.openSignedOut(realm.getBaseUrl(), gfmis.authorizationUrl(locale));
    inspect(findings, "login", "username", "password", "kc-login");
    pages.clickForgotPassword();
    inspect(findings, "identify", "userId", "citizenId", "email", ResetIdentifyPage.REQUEST_OTP);
    pages.submitIdentity("", "", "");
    pages.awaitShown("input-error-userId");
    assertEquals(
        "true",
        new PageInspector(webDriver.driver()).attribute("userId", "aria-invalid"),
        "the field with an error is marked invalid, so its error must be tied to it");
    inspect(findings, "identify with field errors", "userId", ResetIdentifyPage.REQUEST_OTP);

    int mails = mailbox.count();
    reset.requestOtp(holder);
    inspect(findings, "OTP", "otp", ResetOtpPage.VERIFY, ResetOtpPage.RESEND, ResetOtpPage.EDIT);
    String otp = mailbox.awaitMessage(mails + 1).otp();
    pages.submitOtp((otp.charAt(0) == '1' ? "2" : "1") + otp.substring(1));
    assertTrue(!pages.message().isEmpty(), "a wrong code is said at the top of the page");
    inspect(findings, "OTP with a wrong code", "otp", ResetOtpPage.VERIFY);
    reset.verifyOtp(otp);
    inspect(
        findings, "data confirmed", ResetConfirmedPage.EDIT, ResetConfirmedPage.REQUEST_PASSWORD);
    reset.requestTemporaryPassword();
    inspect(findings, "login with the password-sent message", "username", "kc-login");

    String temporary = mailbox.awaitMessage(mails + 2).temporaryPassword();
    pages.signIn(holder.userId(), temporary);
    new ChangePasswordPage(pages).await();
    inspect(findings, "forced password change", "password-new", ChangePasswordPage.CHANGE);
    pages.changePassword("short", "short");
    pages.awaitShown("input-error-password-new");
    inspect(findings, "forced password change with a field error", "password-new");
    String own = "Accessible#Pages2026";
    pages.changePassword(own, own);

    String qr = softToken.readQrCode();
    inspect(
        findings,
        "Get Certificate",
        GetCertificatePage.LINK,
        GetCertificatePage.CHECK,
        GetCertificatePage.NEW_CODE);
    SoftTokenDevice device = SoftTokenDevice.enroll(qr, "Accessible phone");
    certificate.awaitDeviceName();
    inspect(findings, "Get Certificate done", GetCertificatePage.CONTINUE);
    certificate.continueOn();
    pages.awaitCallback();

    pages.openSignedOut(
        realm.getBaseUrl(), new GfmisClient(realm.getBaseUrl()).authorizationUrl(locale));
    pages.signIn(holder.userId(), own);
    int number = softToken.shownNumber();
    inspect(findings, "Soft Token approval", SoftTokenApprovePage.CHECK);
    inspectApprovalForScreenReaders(findings, number);
    listenToTheLiveRegion();
    device.deny(SoftTokenSteps.awaitChallenge(device).id());
    assertEquals("denied", softToken.awaitResult());
    String announced = announcedBeforeLeaving();
    if (announced == null || announced.isBlank()) {
      findings.add(
          "Soft Token approval", "nothing announced in the live region when the phone answered");
    }
    inspect(findings, "result: denied", SoftTokenResultPage.RETRY, SoftTokenResultPage.RESTART);

    RealmSettings settings = new RealmSettings(realm);
    settings.authenticatorConfig(
        BROWSER_FLOW, SOFT_TOKEN_CONFIG, Map.of("challengeTtlSeconds", "4"));
    try {
      result.retry();
      softToken.shownNumber();
      assertEquals("expired", softToken.awaitResult());
      inspect(findings, "result: timeout", SoftTokenResultPage.RETRY, SoftTokenResultPage.RESTART);
    } finally {
      settings.authenticatorConfig(
          BROWSER_FLOW, SOFT_TOKEN_CONFIG, Map.of("challengeTtlSeconds", "120"));
    }
  }

  /**
   * The checks of one page, each finding added rather than thrown. The page must have been checked
   * by axe-core already, by the step that reached or read it.
   */
  private void inspect(Findings findings, String page, String... fieldsAndButtonsInOrder) {
    WebDriver driver = webDriver.driver();
    PageInspector inspector = new PageInspector(driver);
    findings.pages.add(page);
    if (!AccessibilityCheck.wasSeen(driver)) {
      findings.add(page, "the steps reached it without the axe-core check");
    }
    if (!findings.locale.equals(inspector.language())) {
      findings.add(page, "<html lang=\"" + inspector.language() + "\">");
    }
    for (String field : inspector.fieldsWithUntiedErrors()) {
      findings.add(page, "the error of field " + field + " is not tied to it (aria-describedby)");
    }

    List<String> controls = inspector.controlsInDocumentOrder();
    List<FocusStop> stops = inspector.tabThrough();
    List<String> path = stops.stream().map(FocusStop::name).collect(Collectors.toList());
    if (!path.equals(controls)) {
      findings.add(page, "Tab goes " + path + " but the controls are " + controls);
    }
    if (!inOrder(path, List.of(fieldsAndButtonsInOrder))) {
      findings.add(
          page, "Tab does not reach " + List.of(fieldsAndButtonsInOrder) + " in order: " + path);
    }
    for (FocusStop stop : stops) {
      if (!stop.focusVisible()) {
        findings.add(
            page, "no visible focus (outline of 2px or more, or box-shadow) on " + stop.name());
      }
      if (!stop.shown()) {
        findings.add(page, "focus on something not shown: " + stop.name());
      }
    }

    Overflow narrow =
        inspector.overflowAt(
            320, 1, "a11y-320-" + findings.locale + "-" + page.replaceAll("[^A-Za-z]+", "-"));
    if (narrow.scrollsSideways()) {
      findings.add(page, "320 px wide: scrolls sideways " + narrow);
    }
    Overflow zoomed = inspector.overflowAt(640, 2);
    if (zoomed.scrollsSideways()) {
      findings.add(page, "200% zoom: scrolls sideways " + zoomed);
    }
  }

  /**
   * The number as digits, each spoken ("4 7", not "forty-seven"), and the waiting state a live
   * region.
   */
  private void inspectApprovalForScreenReaders(Findings findings, int number) {
    PageInspector inspector = new PageInspector(webDriver.driver());
    String page = "Soft Token approval";
    String digits =
        String.valueOf(number)
            .chars()
            .mapToObj(Character::toString)
            .collect(Collectors.joining(" "));
    List<String> spoken = inspector.accessibleTexts();
    Pattern asOneNumber = Pattern.compile("(?<![0-9])" + number + "(?![0-9])");
    if (spoken.stream().noneMatch(t -> t.contains(digits))
        || spoken.stream().anyMatch(t -> asOneNumber.matcher(t).find())) {
      findings.add(
          page, "screen readers do not get the number as the digits \"" + digits + "\": " + spoken);
    }
    String role = inspector.attribute(SoftTokenApprovePage.WAITING, "role");
    String live = inspector.attribute(SoftTokenApprovePage.WAITING, "aria-live");
    if (!"status".equals(role) && !"polite".equals(live)) {
      findings.add(
          page,
          "the waiting message is no live region (role=" + role + ", aria-live=" + live + ")");
    }
  }

  /** Records, across the page change, what the live region says when it changes. */
  private void listenToTheLiveRegion() {
    ((JavascriptExecutor) webDriver.driver())
        .executeScript(
            "sessionStorage.removeItem('gfmis-live');"
                + " var r = document.getElementById('gfmis-softtoken-waiting');"
                + " new MutationObserver(function () {"
                + "   sessionStorage.setItem('gfmis-live', r.textContent.trim()); })"
                + " .observe(r, {childList: true, characterData: true, subtree: true});");
  }

  private String announcedBeforeLeaving() {
    return (String)
        ((JavascriptExecutor) webDriver.driver())
            .executeScript("return sessionStorage.getItem('gfmis-live');");
  }

  private static boolean inOrder(List<String> path, List<String> expected) {
    int at = 0;
    for (String name : path) {
      if (at < expected.size() && expected.get(at).equals(name)) {
        at++;
      }
    }
    return at == expected.size();
  }

  /** What one language's walk found, page by page. */
  private static final class Findings {
    final String locale;
    final List<String> pages = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    Findings(String locale) {
      this.locale = locale;
    }

    void add(String page, String finding) {
      failures.add("[" + locale + "] " + page + ": " + finding);
    }

    @Override
    public String toString() {
      return String.join("\n", failures);
    }
  }
}
