package th.gfmis.keycloak.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {

  @Test
  void defaults() {
    assertEquals(
        new DemoSettings(8080, 9000, 3025, 8025, false), DemoSettings.from(Map.of(), List.of()));
  }

  @Test
  void environmentSetsPortsAndOptionsOverrideIt() {
    DemoSettings settings =
        DemoSettings.from(
            Map.of(
                "DEMO_HTTP_PORT", "8180",
                "DEMO_MANAGEMENT_PORT", "9100",
                "DEMO_SMTP_PORT", "3125",
                "DEMO_WEB_PORT", "8125",
                "DEMO_KEEP_DATA", "true"),
            List.of("--web-port=8126"));
    assertEquals(new DemoSettings(8180, 9100, 3125, 8126, true), settings);
    assertEquals("http://localhost:8180", settings.keycloakUrl());
    assertEquals("http://localhost:8126", settings.webUrl());
    assertEquals(
        new DemoSettings(8080, 9000, 3025, 8025, true),
        DemoSettings.from(Map.of(), List.of("--keep-data")));
  }

  @Test
  void httpsUsesTheComputersAddressSoThatTheQrCodeOpensOnAPhone() {
    DemoSettings https =
        DemoSettings.from(Map.of(), List.of("--https", "--https-host=192.168.1.20"));
    assertTrue(https.https());
    assertEquals("https://192.168.1.20:8443", https.keycloakUrl());
    assertEquals(
        "https://192.168.1.20:9443",
        DemoSettings.from(
                Map.of("DEMO_HTTPS_HOST", "192.168.1.20", "DEMO_HTTPS_PORT", "9443"), List.of())
            .keycloakUrl());
    DemoSettings detected = DemoSettings.from(Map.of("DEMO_HTTPS", "true"), List.of());
    assertTrue(detected.keycloakUrl().startsWith("https://"), detected.keycloakUrl());
    assertEquals("http://localhost:8080", DemoSettings.from(Map.of(), List.of()).keycloakUrl());
    assertThrows(
        DemoException.class,
        () -> DemoSettings.from(Map.of(), List.of("--https-port=8080")),
        "the HTTPS port cannot be the HTTP port");
    assertThrows(
        DemoException.class,
        () -> DemoSettings.from(Map.of(), List.of("--https", "--https-host=a b")));
  }

  @Test
  void badValuesNameTheVariableOrOption() {
    DemoException notANumber =
        assertThrows(
            DemoException.class,
            () -> DemoSettings.from(Map.of("DEMO_SMTP_PORT", "smtp"), List.of()));
    assertTrue(notANumber.getMessage().contains("DEMO_SMTP_PORT"), notANumber.getMessage());
    DemoException outOfRange =
        assertThrows(
            DemoException.class, () -> DemoSettings.from(Map.of(), List.of("--http-port=70000")));
    assertTrue(outOfRange.getMessage().contains("--http-port"), outOfRange.getMessage());
    assertThrows(DemoException.class, () -> DemoSettings.from(Map.of(), List.of("--http-port")));
    assertThrows(DemoException.class, () -> DemoSettings.from(Map.of(), List.of("--verbose")));
    assertThrows(
        DemoException.class, () -> DemoSettings.from(Map.of("DEMO_KEEP_DATA", "maybe"), List.of()));
  }

  @Test
  void twoServicesCannotShareAPort() {
    DemoException clash =
        assertThrows(
            DemoException.class,
            () -> DemoSettings.from(Map.of("DEMO_WEB_PORT", "8080"), List.of()));
    assertTrue(clash.getMessage().contains("DEMO_HTTP_PORT"), clash.getMessage());
    assertTrue(clash.getMessage().contains("DEMO_WEB_PORT"), clash.getMessage());
  }
}
