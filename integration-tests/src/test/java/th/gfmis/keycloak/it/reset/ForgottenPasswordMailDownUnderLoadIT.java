package th.gfmis.keycloak.it.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;
import th.gfmis.keycloak.core.testing.Parallel;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.RawBrowser;
import th.gfmis.keycloak.it.support.pages.ChangePasswordPage;
import th.gfmis.keycloak.it.support.pages.ResetConfirmedPage;
import th.gfmis.keycloak.it.support.pages.ResetOtpPage;

/**
 * The mail server down while many holders reset their passwords at once (issue 9, "Faults"): the
 * real SMTP server is stopped, twenty holders, each in a browser of their own (raw HTTP, each from
 * its own client address), go through the real pages in parallel. Every one of them is told that
 * the e-mail could not be sent, on the page of the step they are on, and nothing is used up: no OTP
 * is pending, neither the resend interval (60 minutes in the realm export) nor the per-user cap of
 * three OTP e-mails counts a mail that did not go out, the password is unchanged. When the server
 * is back, every holder retries on the same page and completes the reset up to the token response.
 * The realm's settings are those of the export.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class ForgottenPasswordMailDownUnderLoadIT extends AbstractResetFlowIT {

  private static final int HOLDERS = 20;

  /** One more than the per-user cap of OTP e-mails: a failure that counted would be refused. */
  private static final int TRIES_WHILE_DOWN = 4;

  private static final String NOT_SENT = "The e-mail could not be sent right now.";
  private static final String OTP_FORM = "id=\"" + ResetOtpPage.FORM + "\"";
  private static final String CONFIRMED_FORM = "id=\"" + ResetConfirmedPage.FORM + "\"";

  /** One holder in one browser, and where that browser is. */
  private static final class Reset {
    final Holder holder;
    final String id;
    final String address;
    final GfmisClient client;
    final RawBrowser browser;
    String action;

    Reset(Holder holder, String id, String address, GfmisClient client) {
      this.holder = holder;
      this.id = id;
      this.address = address;
      this.client = client;
      this.browser = new RawBrowser(address);
    }

    /** Posts this browser's current form; keeps the next page's form action. */
    HttpResponse<String> submit(Map<String, String> form) throws Exception {
      HttpResponse<String> page = browser.postFollowing(action, form);
      if (page.statusCode() == 200 && page.body().contains("<form")) {
        action = RawBrowser.formAction(page.body());
      }
      return page;
    }
  }

  @Test
  void twentyResetsWithTheMailServerDownLoseNothingAndAllCompleteWhenItIsBack() throws Exception {
    List<Reset> resets = new ArrayList<>();
    for (int i = 0; i < HOLDERS; i++) {
      Holder holder = holders.create("en");
      Reset reset =
          new Reset(
              holder,
              holders.userId(holder),
              "10.77.0." + (i + 1),
              GfmisClient.demoApp(realm.getBaseUrl()));
      reset.action = reset.browser.openResetForm(reset.client.authorizationUrl("en"));
      resets.add(reset);
    }
    Map<String, List<CredentialRepresentation>> before = new HashMap<>();
    for (Reset reset : resets) {
      before.put(reset.id, realm.admin().users().get(reset.id).credentials());
    }
    List<String> figures = new ArrayList<>();

    mailbox.stopServer();
    try {
      long start = System.nanoTime();
      List<HttpResponse<String>> identified =
          inParallel(
              resets,
              r ->
                  r.submit(
                      Map.of(
                          "userId", r.holder.userId(),
                          "citizenId", r.holder.citizenId(),
                          "email", r.holder.email())));
      figures.add(timed("identify, OTP e-mail refused", identified, start));
      for (HttpResponse<String> page : identified) {
        assertMailNotSent(page, OTP_FORM);
        assertFalse(page.body().contains("name=\"otp\""), "no code to enter when none was sent");
        assertTrue(page.body().contains("Try again"), "the button says try again");
      }
      for (int retry = 1; retry < TRIES_WHILE_DOWN; retry++) {
        start = System.nanoTime();
        List<HttpResponse<String>> retried =
            inParallel(resets, r -> r.submit(Map.of("action", "resend")));
        figures.add(timed("try again #" + retry + ", refused", retried, start));
        retried.forEach(page -> assertMailNotSent(page, OTP_FORM));
      }
      for (Reset reset : resets) {
        assertEquals(0, locks(reset).size(), "a mail that did not go out counts against nobody");
      }
    } finally {
      mailbox.startServer();
    }

    // Back: the same page's "Try again" sends the code at once (no resend interval, no cap hit).
    long start = System.nanoTime();
    List<HttpResponse<String>> sent = inParallel(resets, r -> r.submit(Map.of("action", "resend")));
    figures.add(timed("try again, OTP sent", sent, start));
    for (int i = 0; i < HOLDERS; i++) {
      HttpResponse<String> page = sent.get(i);
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("name=\"otp\""), page.body());
      assertFalse(page.body().contains(NOT_SENT), page.body());
    }
    List<String> otps = new ArrayList<>();
    for (Reset reset : resets) {
      otps.add(mailbox.awaitMessageTo(reset.holder.email(), 1).otp());
      // What the product counts for a sent OTP: the resend interval of this user and address.
      JsonNode locks = locks(reset);
      assertEquals(1, locks.size(), locks.toString());
      assertEquals("reset-otp-interval", locks.get(0).get("kind").asText());
      assertEquals(reset.address, locks.get(0).get("subject").asText());
    }
    start = System.nanoTime();
    List<HttpResponse<String>> verified =
        inParallel(resets, r -> r.submit(Map.of("otp", otps.get(resets.indexOf(r)))));
    figures.add(timed("OTP verified", verified, start));
    verified.forEach(page -> assertTrue(page.body().contains(CONFIRMED_FORM), page.body()));

    // Down again at the second e-mail: no password is set, the page says so.
    mailbox.stopServer();
    try {
      start = System.nanoTime();
      List<HttpResponse<String>> refused =
          inParallel(resets, r -> r.submit(Map.of("action", "send")));
      figures.add(timed("new password, e-mail refused", refused, start));
      refused.forEach(page -> assertMailNotSent(page, CONFIRMED_FORM));
      for (Reset reset : resets) {
        var user = realm.admin().users().get(reset.id);
        assertEquals(before.get(reset.id), user.credentials(), "password unchanged");
        assertTrue(user.toRepresentation().getRequiredActions().isEmpty(), "no forced change");
      }
    } finally {
      mailbox.startServer();
    }

    start = System.nanoTime();
    List<HttpResponse<String>> passwordSent =
        inParallel(resets, r -> r.submit(Map.of("action", "send")));
    figures.add(timed("new password sent", passwordSent, start));
    for (HttpResponse<String> page : passwordSent) {
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("A new password has been sent to"), page.body());
    }
    List<String> temporaryPasswords = new ArrayList<>();
    for (Reset reset : resets) {
      temporaryPasswords.add(mailbox.awaitMessageTo(reset.holder.email(), 1).temporaryPassword());
    }
    start = System.nanoTime();
    List<HttpResponse<String>> changePages =
        inParallel(
            resets,
            r ->
                r.submit(
                    Map.of(
                        "username",
                        r.holder.userId(),
                        "password",
                        temporaryPasswords.get(resets.indexOf(r)))));
    figures.add(timed("signed in with the e-mailed password", changePages, start));
    changePages.forEach(
        page -> assertTrue(page.body().contains(ChangePasswordPage.INSTRUCTION), page.body()));
    start = System.nanoTime();
    List<HttpResponse<String>> changed =
        inParallel(
            resets,
            r -> {
              String password = "Back#Mail-" + resets.indexOf(r) + "-2026x";
              return r.submit(Map.of("password-new", password, "password-confirm", password));
            });
    figures.add(timed("password changed, back at the application", changed, start));
    for (int i = 0; i < HOLDERS; i++) {
      Reset reset = resets.get(i);
      String callback = changed.get(i).headers().firstValue("Location").orElse("");
      assertTrue(reset.client.isOwnCallback(callback), changed.get(i).body());
      JsonNode tokens = reset.client.exchange(callback);
      assertEquals(
          reset.id, GfmisClient.claims(tokens.get("id_token").asText()).get("sub").asText());
    }
    System.out.println(
        "Mail server down under load, "
            + HOLDERS
            + " parallel resets (wall time of each step, all holders at once):\n  "
            + String.join("\n  ", figures));
  }

  private interface Step {
    HttpResponse<String> on(Reset reset) throws Exception;
  }

  /** Every holder's browser takes the step at the same moment; the answers in holder order. */
  private static List<HttpResponse<String>> inParallel(List<Reset> resets, Step step)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Map.Entry<Integer, HttpResponse<String>>> answers =
        Parallel.run(
            resets.size(),
            () -> {
              int i = next.getAndIncrement();
              return Map.entry(i, step.on(resets.get(i)));
            });
    List<HttpResponse<String>> ordered = new ArrayList<>(answers.size());
    answers.stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(answer -> ordered.add(answer.getValue()));
    return ordered;
  }

  private static String timed(String what, List<HttpResponse<String>> answers, long start) {
    long millis = (System.nanoTime() - start) / 1_000_000;
    return String.format(
        Locale.ROOT, "%-44s %d answers, %5d ms", what + ":", answers.size(), millis);
  }

  /** The step's own page, status 200, with the clear message; no error page. */
  private static void assertMailNotSent(HttpResponse<String> page, String form) {
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains(form), "the step's own page: " + page.body());
    assertTrue(page.body().contains(NOT_SENT), page.body());
  }

  private JsonNode locks(Reset reset) throws Exception {
    HttpResponse<String> answer = holders.locks("GET", reset.id);
    assertEquals(200, answer.statusCode(), answer.body());
    return JsonSerialization.readValue(answer.body(), JsonNode.class).get("locks");
  }
}
