package th.gfmis.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpExchangesTest {

  @Test
  void parsesQueriesDecodingValuesAndKeepingTheFirstOfARepeatedName() {
    assertEquals(
        Map.of("state", "a b/c", "code", "", "acr_values", "gold"),
        HttpExchanges.parseQuery("state=a+b%2Fc&code&acr_values=gold&state=second&&"));
    assertEquals(Map.of(), HttpExchanges.parseQuery(null));
    assertEquals(Map.of("bad", ""), HttpExchanges.parseQuery("bad=%zz"));
  }

  @Test
  void formEncodingRoundTrips() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("redirect_uri", "http://localhost:8025/app/callback");
    parameters.put("name", "สมชาย & co");
    String encoded = HttpExchanges.formEncode(parameters);
    assertEquals(
        "redirect_uri=http%3A%2F%2Flocalhost%3A8025%2Fapp%2Fcallback&name="
            + "%E0%B8%AA%E0%B8%A1%E0%B8%8A%E0%B8%B2%E0%B8%A2+%26+co",
        encoded);
    assertEquals(parameters, HttpExchanges.parseQuery(encoded));
  }
}
