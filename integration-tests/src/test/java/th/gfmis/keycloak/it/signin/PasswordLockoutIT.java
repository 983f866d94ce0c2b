package th.gfmis.keycloak.it.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.util.JsonSerialization;
import th.gfmis.keycloak.core.testing.Parallel;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisRealmConfig;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Holders;
import th.gfmis.keycloak.it.support.RawBrowser;

/**
 * Someone who knows a user ID and guesses passwords locks out only their own address: the holder
 * signs in from theirs, and the password cannot be tried anywhere but on the sign-in page.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class PasswordLockoutIT {

  private static final String ATTACKER = "10.66.1.7";
  private static final String HOLDERS_ADDRESS = "10.20.0.5";
  private static final String WRONG_PASSWORD_PAGE = "Invalid username or password.";
  private static final int GUESSES = 50;

  @InjectRealm(fromJson = GfmisRealmConfig.REALM_JSON, config = GfmisRealmConfig.class)
  ManagedRealm realm;

  @InjectAdminClient Keycloak adminClient;

  @InjectKeycloakUrls KeycloakUrls urls;

  private Holders holders;
  private String authorizationUrl;

  @BeforeEach
  void setUp() {
    holders = new Holders(adminClient, realm, urls.getBase());
    authorizationUrl = new GfmisClient(realm.getBaseUrl()).authorizationUrl("en");
  }

  @Test
  void fiftyParallelGuessesLockTheGuessersAddressAndNotTheHolder() throws Exception {
    Holder holder = holders.create("en");
    String userId = holders.userId(holder);
    List<RawBrowser> guessers = new ArrayList<>();
    List<String> forms = new ArrayList<>();
    for (int i = 0; i < GUESSES; i++) {
      RawBrowser guesser = new RawBrowser(ATTACKER);
      forms.add(guesser.openLogin(authorizationUrl));
      guessers.add(guesser);
    }
    AtomicInteger next = new AtomicInteger();
    List<String> pages =
        Parallel.run(
            GUESSES,
            () -> {
              int i = next.getAndIncrement();
              return guessers
                  .get(i)
                  .post(
                      forms.get(i),
                      Map.of("username", holder.userId(), "password", "Wrong#Guess" + i))
                  .body();
            });
    assertTrue(
        pages.stream().allMatch(p -> p.contains(WRONG_PASSWORD_PAGE)),
        "every guess, counted or refused, gets the same answer");

    Map<String, Long> errors =
        loginErrors(userId).stream()
            .collect(Collectors.groupingBy(EventRepresentation::getError, Collectors.counting()));
    assertEquals(5L, errors.get("invalid_user_credentials"), errors.toString());
    assertEquals(GUESSES - 5L, errors.get("user_temporarily_disabled"), errors.toString());

    String rightPasswordFromAttacker =
        new RawBrowser(ATTACKER).signIn(authorizationUrl, holder.userId(), holder.password());
    assertTrue(
        rightPasswordFromAttacker.contains(WRONG_PASSWORD_PAGE),
        "a locked address learns nothing, even with the right password");

    String holdersSignIn =
        new RawBrowser(HOLDERS_ADDRESS)
            .signIn(authorizationUrl, holder.userId(), holder.password());
    assertFalse(holdersSignIn.contains(WRONG_PASSWORD_PAGE), holdersSignIn);
    assertFalse(holdersSignIn.contains("id=\"kc-form-login\""), "past the password step");

    JsonNode locks =
        JsonSerialization.readValue(holders.locks("GET", userId).body(), JsonNode.class);
    JsonNode lock = locks.get("locks").get(0);
    assertEquals("password-lockout", lock.get("kind").asText(), locks.toString());
    assertEquals(ATTACKER, lock.get("subject").asText());
    assertEquals(1, locks.get("locks").size(), "the holder's address holds no lock");
  }

  @Test
  void thePasswordGrantIsRefusedForEveryClient() throws Exception {
    Holder holder = holders.create("en");
    for (String client : List.of("admin-cli", "account", "gfmis")) {
      HttpResponse<String> response = passwordGrant(client, holder);
      assertTrue(
          response.statusCode() == 400 || response.statusCode() == 401,
          client + ": " + response.statusCode() + " " + response.body());
      assertFalse(response.body().contains("access_token"), client + ": " + response.body());
    }
  }

  private List<EventRepresentation> loginErrors(String userId) {
    return realm.admin().getEvents(List.of("LOGIN_ERROR"), null, userId, null, null, null, 0, 1000);
  }

  private HttpResponse<String> passwordGrant(String clientId, Holder holder) throws Exception {
    String body =
        Map.of(
                "grant_type",
                "password",
                "client_id",
                clientId,
                "username",
                holder.userId(),
                "password",
                holder.password(),
                "scope",
                "openid")
            .entrySet()
            .stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(realm.getBaseUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
