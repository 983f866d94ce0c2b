package th.gfmis.keycloak.it.reset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.By;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.RawBrowser;

/**
 * Limits of the forgotten-password flow hold under 50 parallel requests: no more tries are
 * evaluated than the limit allows, however many arrive at once.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class ForgottenPasswordRaceTest extends ResetFlowTest {

  private static final int PARALLEL = 50;

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
        RawBrowser.parallel(PARALLEL, () -> same.post(action, Map.of("otp", wrong)));

    long evaluatedAsWrong =
        answers.stream().filter(a -> a.body().contains("attempt(s) left")).count();
    assertTrue(
        evaluatedAsWrong <= 2, evaluatedAsWrong + " wrong guesses were told 'attempts left'");
    pages.submitOtp(otp);
    assertTrue(pages.message().contains("no longer works"), pages.message());
    assertFalse(pages.isShown("gfmis-data-confirmed"), "the right code no longer opens it");
  }
}
