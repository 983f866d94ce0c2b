package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The worked example of docs/softtoken-protocol.md §16 must stay true. */
class DocumentedExamplesTest {

  private static final String X = "4aTCJ02mrI_LL-Iz9wh80PqApT4rAhdpdBQb-2op25g";
  private static final String Y = "Rk3L94OTz57HcUQsPVAyff01b4Ibo3A0q3MQUNpGl6g";
  private static final String KID = "5b1d0c8e6f2a4b7c9d3e1f0a2b4c6d8e";
  private static final String CSR =
      "MIHcMIGDAgEAMCExHzAdBgNVBAMMFmdmbWlzLXNvZnR0b2tlbi1kZXZpY2UwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNC"
          + "AAThpMInTaasj8sv4jP3CHzQ+oClPisCF2l0FBv7ainbmEZNy/eDk8+ex3FELD1QMn39NW+CG6NwNKtzEFDa"
          + "RpeooAAwCgYIKoZIzj0EAwIDSAAwRQIgYLRM/7H/EH6mMoll9nL5NAGyNOdFwqCKMuwYwztEc/YCIQD6LDQ1"
          + "7oXN7mifVt8dXqnRDFM1zsQeaa2AgavfZv42nQ==";
  private static final String DEVICE_AUTH =
      "eyJhbGciOiJFUzI1NiIsInR5cCIgOiAiZ2ZtaXMtZGV2aWNlLWF1dGgrand0Iiwia2lkIiA6ICI1YjFkMGM4ZTZm"
          + "MmE0YjdjOWQzZTFmMGEyYjRjNmQ4ZSJ9.eyJodG0iOiJHRVQiLCJodHUiOiJodHRwczovL3Nzby5nZm1pcy5l"
          + "eGFtcGxlL3JlYWxtcy9nZm1pcy9nZm1pcy1zb2Z0dG9rZW4vY2hhbGxlbmdlcyIsImlhdCI6MTc2NzYwMDAw"
          + "MCwianRpIjoicTdKeDN0cTBtNG1ENnlxN2wyY1UydyJ9.lAaSl8edOZtB5XnE7PmaTD-AQCJj5wArCz66syADj"
          + "M-8BS1SwxkRp8n_Fhg5JkMc1E9fGLYUEbpq3_mPbQ01pw";
  private static final String RESPONSE =
      "eyJhbGciOiJFUzI1NiIsInR5cCIgOiAiZ2ZtaXMtY2hhbGxlbmdlLXJlc3BvbnNlK2p3dCIsImtpZCIgOiAiNWIx"
          + "ZDBjOGU2ZjJhNGI3YzlkM2UxZjBhMmI0YzZkOGUifQ.eyJjaGFsbGVuZ2VJZCI6IllrM21DMnlxMGJxOXYweD"
          + "FKcThuMUEiLCJub25jZSI6Inp2MWMwbUIwbVZxa3E0eGtxNW9RMm84THIzYzZlMHFIMWIybDl5RnEwYUUiLCJ"
          + "kZWNpc2lvbiI6ImFwcHJvdmUiLCJudW1iZXIiOjQ3LCJpYXQiOjE3Njc2MDAwMDV9.FC0AlSKd-YOwwQhLbazQ"
          + "wWlSS6A_-4cjQ11d1k8ZjCnP6LoHbe8I4ThdJJDDSThaAFZ13NKMUVDDWrSQ-_1M6A";

  private static ECPublicKey publicKey() throws Exception {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
    ECPoint w =
        new ECPoint(
            new BigInteger(1, Base64Urls.decode(X)), new BigInteger(1, Base64Urls.decode(Y)));
    return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
  }

  @Test
  void csrCarriesTheExampleKey() throws Exception {
    assertArrayEquals(publicKey().getEncoded(), DeviceCsr.verify(CSR).getEncoded());
  }

  @Test
  void renewalCshExampleIsTheHashOfTheExampleCsr() {
    assertEquals("sWjoqW5Qyasb4Jgm7fO4gf2NsnkmxV4coDaqZVLHkHc", CertificateRenewal.csrHash(CSR));
  }

  @Test
  void deviceAuthExampleVerifies() throws Exception {
    Es256Jws.Parsed jws = Es256Jws.parse(DEVICE_AUTH, SoftTokenProtocol.TYP_DEVICE_AUTH);
    assertEquals(KID, jws.kid());
    jws.verify(publicKey());
    DeviceAuthClaims claims = jws.claims(DeviceAuthClaims.class);
    assertEquals(
        new DeviceAuthClaims(
            "GET",
            "https://sso.gfmis.example/realms/gfmis/gfmis-softtoken/challenges",
            1767600000L,
            "q7Jx3tq0m4mD6yq7l2cU2w"),
        claims);
    assertEquals(Instant.parse("2026-01-05T08:00:00Z"), Instant.ofEpochSecond(claims.iat()));
  }

  @Test
  void challengeResponseExampleVerifies() throws Exception {
    Es256Jws.Parsed jws = Es256Jws.parse(RESPONSE, SoftTokenProtocol.TYP_CHALLENGE_RESPONSE);
    jws.verify(publicKey());
    assertEquals(
        new ChallengeResponseClaims(
            "Yk3mC2yq0bq9v0x1Jq8n1A",
            "zv1c0mB0mVqkq4xkq5oQ2o8Lr3c6e0qH1b2l9yFq0aE",
            "approve",
            47,
            1767600005L),
        jws.claims(ChallengeResponseClaims.class));
  }

  @Test
  void activationExample() throws Exception {
    ActivationUri uri =
        ActivationUri.parse(
            "gfmis-softtoken://enroll?v=1&server=https%3A%2F%2Fsso.gfmis.example&realm=gfmis"
                + "&code=NHNOnIJ9TuWZwOKTL9n_HuUfE0azMR0MHgFZDfOXyo0");
    assertEquals("https://sso.gfmis.example", uri.server());
    assertEquals(
        "https://sso.gfmis.example/realms/gfmis/gfmis-softtoken/activate"
            + "?code=NHNOnIJ9TuWZwOKTL9n_HuUfE0azMR0MHgFZDfOXyo0",
        uri.toHttpsLink());
    assertEquals("dtd742yMZRu-3r41sjCDPEpBRrDPKWuGY58MXbNuFUY", ActivationCodes.hash(uri.code()));
  }
}
