package th.gfmis.keycloak.it.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.util.JsonSerialization;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.PlainBrowser;
import th.gfmis.keycloak.it.support.RealmSettings;
import th.gfmis.keycloak.it.support.pages.ResetIdentifyPage;
import th.gfmis.keycloak.it.support.pages.ResetOtpPage;

/**
 * The CID hashing key was rotated: the test server hashes under a new key and keeps the demo key as
 * an older one. The realm export's demo users carry hashes from before key ids, under the demo key.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class CitizenIdKeyRotationIT extends AbstractResetFlowIT {

  @Test
  void aHashUnderTheOldKeyStillMatchesAndIsRewrittenUnderTheNewKey() throws Exception {
    settings.authenticatorConfig(
        RealmSettings.RESET_OTP_CONFIG, Map.of("resendCooldownMinutes", "0"));
    Holder anan = Holder.ANAN;
    String ananId = realm.admin().users().search(anan.username(), true).get(0).getId();

    JsonNode before = shown(ananId);
    assertTrue(before.get("stored").asBoolean());
    assertFalse(before.has("hashKeyId"), "a hash from before key ids: " + before);
    assertFalse(before.get("hashKeyCurrent").asBoolean());

    PlainBrowser someoneElse = resetForm();
    HttpResponse<String> wrongCid =
        someoneElse.submit(
            ResetIdentifyPage.FORM, identity(anan.userId(), Holder.SUDA.citizenId(), anan.email()));
    assertTrue(wrongCid.body().contains("No registered data"), wrongCid.body());
    assertFalse(shown(ananId).has("hashKeyId"), "a wrong CID rewrites nothing");

    HttpResponse<String> identified =
        resetForm()
            .submit(
                ResetIdentifyPage.FORM, identity(anan.userId(), anan.citizenId(), anan.email()));
    assertEquals(200, identified.statusCode());
    assertTrue(identified.body().contains(OTP_PAGE), identified.body());

    JsonNode after = shown(ananId);
    assertEquals(GfmisServerConfig.CID_HASH_KEY_ID, after.get("hashKeyId").asText(), "" + after);
    assertTrue(after.get("hashKeyCurrent").asBoolean());
    assertEquals("8905", after.get("lastFour").asText());

    HttpResponse<String> again =
        resetForm()
            .submit(
                ResetIdentifyPage.FORM, identity(anan.userId(), anan.citizenId(), anan.email()));
    assertTrue(again.body().contains(OTP_PAGE), "still matches: " + again.body());
    HttpResponse<String> wrongAfter =
        resetForm()
            .submit(
                ResetIdentifyPage.FORM,
                identity(anan.userId(), Holder.SOMCHAI.citizenId(), anan.email()));
    assertTrue(wrongAfter.body().contains("No registered data"), wrongAfter.body());
  }

  @Test
  void aCitizenIdSetByAnOperatorIsHashedUnderTheCurrentKey() throws Exception {
    Holder holder = holders.create("en");
    JsonNode shown = shown(holders.userId(holder));
    assertEquals(GfmisServerConfig.CID_HASH_KEY_ID, shown.get("hashKeyId").asText());
    assertTrue(shown.get("hashKeyCurrent").asBoolean());

    HttpResponse<String> identified =
        resetForm()
            .submit(
                ResetIdentifyPage.FORM,
                identity(holder.userId(), holder.citizenId(), holder.email()));
    assertTrue(identified.body().contains(OTP_PAGE), identified.body());
  }

  private JsonNode shown(String userId) throws Exception {
    HttpResponse<String> response = holders.getCitizenId(userId);
    assertEquals(200, response.statusCode(), response.body());
    return JsonSerialization.readValue(response.body(), JsonNode.class);
  }

  private PlainBrowser resetForm() throws Exception {
    PlainBrowser browser = new PlainBrowser();
    browser.open(new GfmisClient(realm.getBaseUrl()).authorizationUrl("en"));
    browser.follow("login-actions/reset-credentials");
    return browser;
  }

  /** The OTP page, where an identification that matched leads. */
  private static final String OTP_PAGE = "id=\"" + ResetOtpPage.REFERENCE + "\"";

  static Map<String, String> identity(String userId, String citizenId, String email) {
    return Map.of("userId", userId, "citizenId", citizenId, "email", email);
  }
}
