package th.gfmis.keycloak.it.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.By;
import th.gfmis.keycloak.core.testing.Parallel;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.RawBrowser;
import th.gfmis.keycloak.it.support.pages.ResetConfirmedPage;

/**
 * Limits of the forgotten-password flow hold under 50 parallel requests: no more tries are
 * evaluated than the limit allows, however many arrive at once. The attacker is a raw HTTP client
 * whose requests carry {@code X-Forwarded-For} (the test server trusts proxy headers, as production
 * does behind its proxy), so Keycloak sees another client address than the holder's browser
 * (127.0.0.1); what the attacker uses up never holds the holder back.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class ForgottenPasswordRaceIT extends AbstractResetFlowIT {

  private static final int PARALLEL = 50;
  private static final String ATTACKER = "10.66.0.77";

  /** Fifty fresh attacker browsers, each on its own forgotten-password form. */
  @Test
  void fiftyParallelMissesFromOneAddressGetFiveAnswersAndTheHolderStillGetsThrough()
      throws Exception {
    Holder holder = holders.create("en");
    String authorizationUrl = new GfmisClient(realm.getBaseUrl()).authorizationUrl("en");
    List<RawBrowser> attackers = new ArrayList<>();
    List<String> actions = new ArrayList<>();
    for (int i = 0; i < PARALLEL; i++) {
      RawBrowser attacker = new RawBrowser(ATTACKER);
      actions.add(attacker.openResetForm(authorizationUrl));
      attackers.add(attacker);
    }
    AtomicInteger next = new AtomicInteger();
    List<String> pagesSeen =
        Parallel.run(
            PARALLEL,
            () -> {
              int i = next.getAndIncrement();
              return attackers
                  .get(i)
                  .submitIdentity(actions.get(i), holder, "x" + i + "@evil.test");
            });

    long evaluated = pagesSeen.stream().filter(p -> p.contains("No registered data")).count();
    long refused = pagesSeen.stream().filter(p -> p.contains("Too many attempts")).count();
    assertTrue(evaluated <= 5, evaluated + " misses were evaluated");
    assertEquals(PARALLEL - evaluated, refused, "every other request was refused");

    steps.openForm("en");
    steps.requestOtp(holder);
    assertTrue(mailbox.awaitMessage(1).subject().contains("OTP"), "the holder gets a code");
  }

  @Test
  void fiftyParallelRightTriplesFromOneAddressSendOneMailAndTheHolderStillGetsACode()
      throws Exception {
    Holder holder = holders.create("en");
    String authorizationUrl = new GfmisClient(realm.getBaseUrl()).authorizationUrl("en");
    List<RawBrowser> attackers = new ArrayList<>();
    List<String> actions = new ArrayList<>();
    for (int i = 0; i < PARALLEL; i++) {
      RawBrowser attacker = new RawBrowser(ATTACKER);
      actions.add(attacker.openResetForm(authorizationUrl));
      attackers.add(attacker);
    }
    AtomicInteger next = new AtomicInteger();
    List<String> pagesSeen =
        Parallel.run(
            PARALLEL,
            () -> {
              int i = next.getAndIncrement();
              return attackers.get(i).submitIdentity(actions.get(i), holder, holder.email());
            });
    mailbox.awaitMessage(1);
    Thread.sleep(2000);
    assertEquals(1, mailbox.count(), "one OTP e-mail for one user and address in the interval");
    // Exactly one browser reached the OTP step; a request that lost the race is refused with the
    // interval's message or, while the others are still in flight, another refusal (no mail).
    assertEquals(
        1, pagesSeen.stream().filter(p -> p.contains("name=\"otp\"")).count(), "OTP pages");
    assertTrue(
        pagesSeen.stream().filter(p -> p.contains("A new one can be requested in")).count()
            >= PARALLEL / 2,
        "most refusals name the interval");

    // The holder, at another address, is not held back by the attacker's interval.
    steps.openForm("en");
    String reference = steps.requestOtp(holder);
    assertTrue(mailbox.awaitMessage(2).subject().contains(reference));
  }

  /** What the parallel answers said, for the failure message. */
  private static String summary(List<HttpResponse<String>> answers) {
    return answers.stream()
        .map(
            a -> {
              Matcher m = MESSAGE.matcher(a.body());
              return a.statusCode() + " " + (m.find() ? m.group(1).strip() : "(no message)");
            })
        .collect(Collectors.groupingBy(s -> s, Collectors.counting()))
        .toString();
  }

  private static final Pattern MESSAGE =
      Pattern.compile("class=\"[^\"]*(?:kc-feedback-text|alert__title)[^\"]*\"[^>]*>([^<]*)<");

  @Test
  void anEmptyCodeIsNotAWrongGuess() throws Exception {
    Holder holder = holders.create("en");
    steps.openForm("en");
    steps.requestOtp(holder);
    String otp = mailbox.awaitMessage(1).otp();
    String action =
        pages
            .driver()
            .findElement(By.name("otp"))
            .findElement(By.xpath("./ancestor::form"))
            .getAttribute("action");
    RawBrowser same = new RawBrowser(null).withCookiesOf(pages.driver());
    for (int i = 0; i < 5; i++) {
      String page = same.post(action, Map.of("otp", "")).body();
      assertTrue(page.contains("Please enter the OTP"), page);
      action = RawBrowser.formAction(page);
    }
    String confirmed = same.post(action, Map.of("otp", otp)).body();
    assertTrue(
        confirmed.contains(ResetConfirmedPage.CONFIRMED), "the right code still opens the flow");
  }

  @Test
  void fiftyParallelWrongOtpsGetNoMoreThanThreeGuesses() throws Exception {
    Holder holder = holders.create("en");
    steps.openForm("en");
    steps.requestOtp(holder);
    String otp = mailbox.awaitMessage(1).otp();
    String wrong = otp.equals("000000") ? "111111" : "000000";
    String action =
        pages
            .driver()
            .findElement(By.name("otp"))
            .findElement(By.xpath("./ancestor::form"))
            .getAttribute("action");
    RawBrowser same = new RawBrowser(null).withCookiesOf(pages.driver());

    List<HttpResponse<String>> answers =
        Parallel.run(PARALLEL, () -> same.post(action, Map.of("otp", wrong)));

    long evaluatedAsWrong =
        answers.stream().filter(a -> a.body().contains("attempt(s) left")).count();
    assertTrue(
        evaluatedAsWrong <= 2,
        evaluatedAsWrong + " wrong guesses were told 'attempts left': " + summary(answers));
    assertTrue(
        answers.stream().anyMatch(a -> a.body().contains("attempt(s) left")),
        "at least one guess was evaluated: " + summary(answers));
  }
}
