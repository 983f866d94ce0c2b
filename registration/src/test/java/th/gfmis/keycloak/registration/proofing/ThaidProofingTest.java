package th.gfmis.keycloak.registration.proofing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThaidProofingTest {

  private static final Map<String, Object> CLAIMS =
      Map.of(
          "pid", "2345687383518",
          "given_name", "สมชาย",
          "family_name", "ใจดี",
          "name_en", "Somchai Jaidee",
          "ial", 2.3);

  @Test
  void thaidClaimsMakeTheProvenIdentity() {
    ProvenIdentity identity = ThaidProofing.identity(CLAIMS).orElseThrow();
    assertEquals("2345687383518", identity.citizenId().digits());
    assertEquals("สมชาย ใจดี", identity.nameTh());
    assertEquals(Optional.of("Somchai Jaidee"), identity.nameEn());
    assertEquals("2.3", identity.identityAssuranceLevel());
    assertFalse(identity.toString().contains("2345687383518"));
  }

  @Test
  void anInvalidOrMissingPidOrLevelProvesNothing() {
    assertEquals(Optional.empty(), ThaidProofing.identity(with("pid", "2345687383519")));
    assertEquals(Optional.empty(), ThaidProofing.identity(without("pid")));
    assertEquals(Optional.empty(), ThaidProofing.identity(without("ial")));
    assertEquals(Optional.empty(), ThaidProofing.identity(without("given_name")));
  }

  @Test
  void theEnglishNameIsOptional() {
    assertEquals(
        Optional.empty(), ThaidProofing.identity(without("name_en")).orElseThrow().nameEn());
  }

  @Test
  void theScopeAlwaysAsksForOpenid() {
    assertEquals("openid", ThaidProofing.scope(null));
    assertEquals("openid", ThaidProofing.scope(" "));
    assertEquals("openid pid", ThaidProofing.scope("pid"));
    assertEquals("pid openid", ThaidProofing.scope("pid openid"));
  }

  @Test
  void theNonceMustBeTheSessionsOwn() {
    assertTrue(ThaidProofing.nonceMatches("n-1", "n-1"));
    assertFalse(ThaidProofing.nonceMatches("n-1", "n-2"));
    assertFalse(ThaidProofing.nonceMatches("n-1", null));
    assertFalse(ThaidProofing.nonceMatches("n-1", 1));
  }

  private static Map<String, Object> with(String name, Object value) {
    java.util.HashMap<String, Object> claims = new java.util.HashMap<>(CLAIMS);
    claims.put(name, value);
    return claims;
  }

  private static Map<String, Object> without(String name) {
    java.util.HashMap<String, Object> claims = new java.util.HashMap<>(CLAIMS);
    claims.remove(name);
    return claims;
  }
}
