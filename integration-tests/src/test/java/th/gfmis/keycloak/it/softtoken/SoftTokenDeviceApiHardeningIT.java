package th.gfmis.keycloak.it.softtoken;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import th.gfmis.keycloak.it.softtoken.DeviceApiCalls.Answer;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.SoftTokenSteps;
import th.gfmis.keycloak.softtoken.cli.SoftTokenDevice;
import th.gfmis.keycloak.softtoken.protocol.ActivationCodes;
import th.gfmis.keycloak.softtoken.protocol.ActivationUri;

/**
 * The device API against an attacker: unknown activation codes are refused before any signature
 * work, and a device proof is checked against the server base the device enrolled at, not against a
 * Host header the caller chose (the test server has no fixed hostname).
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class SoftTokenDeviceApiHardeningIT extends AbstractSoftTokenIT {

  private static final String GARBAGE_CSR = "AAAA";

  private ActivationUri activationFor(Holder holder) throws Exception {
    signInToGfmis(holder);
    return ActivationUri.parse(new SoftTokenSteps(pages()).readQrCode());
  }

  @Test
  void aGarbageCsrWithAnUnknownCodeIsAnUnknownCodeAndDoesNotUseUpALiveOne() throws Exception {
    Holder holder = newHolder();
    ActivationUri activation = activationFor(holder);
    DeviceApiCalls api = new DeviceApiCalls(realm.getBaseUrl());

    String unknownCode = ActivationCodes.generate(new SecureRandom());
    Answer unknown = api.post("enroll", DeviceApiCalls.enrollBody(unknownCode, GARBAGE_CSR), null);
    assertEquals(400, unknown.status(), unknown.body());
    assertEquals("invalid_activation_code", unknown.error(), "the code is checked first");

    Answer badCsr =
        api.post("enroll", DeviceApiCalls.enrollBody(activation.code(), GARBAGE_CSR), null);
    assertEquals("invalid_csr", badCsr.error());

    SoftTokenDevice phone =
        SoftTokenDevice.enroll(activation, "Phone", SoftTokenDevice.Config.defaults());
    assertEquals(holder.userId(), phone.username());
  }

  @Test
  void aProofForAForgedHostIsRefused() throws Exception {
    SoftTokenDevice phone =
        SoftTokenDevice.enroll(
            activationFor(newHolder()), "Phone", SoftTokenDevice.Config.defaults());
    DeviceApiCalls api = new DeviceApiCalls(realm.getBaseUrl());
    URI real = URI.create(api.url("device"));
    String forgedHost = "evil.example:" + real.getPort();
    URI forged = URI.create("http://" + forgedHost + real.getRawPath());

    Answer refused =
        api.getWithHost("device", forgedHost, phone.authorizationHeader("GET", forged));
    assertEquals(401, refused.status(), refused.body());
    assertEquals("invalid_device_auth", refused.error());

    // The device's own proof, for the base it enrolled at, still works (also over the raw socket).
    Answer honest =
        api.getWithHost(
            "device",
            real.getHost() + ":" + real.getPort(),
            phone.authorizationHeader("GET", real));
    assertEquals(200, honest.status(), honest.body());
    assertEquals("active", phone.status().state());
  }
}
