package th.gfmis.keycloak.softtoken.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.gfmis.keycloak.softtoken.protocol.NumberMatching;

/** The command line, end to end against the in-memory server. */
class SoftTokenCliTest {

  private static final String USER = "T05005000000101";
  private FakeSoftTokenServer server;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir Path dir;

  @BeforeEach
  void start() throws Exception {
    server = new FakeSoftTokenServer("gfmis");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int run(Map<String, String> env, String... args) {
    out.reset();
    err.reset();
    return new SoftTokenCli(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            SoftTokenDevice.Config::defaults)
        .run(args);
  }

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void fullLifecycleFromAQrImage() throws Exception {
    Path qr = QrCodesTest.writeQr(dir.resolve("qr.png"), server.newActivation(USER).toUriString());
    String store = dir.resolve("device.p12").toString();

    assertEquals(
        0,
        run("enroll", "--qr", qr.toString(), "--store", store, "--pin", "1234", "--name", "CLI"),
        err());
    assertTrue(out().startsWith("enrolled"), out());
    assertTrue(out().contains("username     " + USER), out());

    assertEquals(0, run("pending", "--store", store, "--pin", "1234"), err());
    assertTrue(out().contains("no pending challenge"), out());

    int shown = server.newChallenge(USER);
    assertEquals(0, run("pending", "--store", store, "--pin", "1234"), err());
    assertTrue(out().contains("client       New GFMIS Thai (gfmis)"), out());
    assertTrue(out().contains(String.valueOf(shown)), out());

    assertEquals(
        0,
        run("approve", "--store", store, "--pin", "1234", "--number", String.valueOf(shown)),
        err());
    assertEquals("approved", out().strip());

    // Typing mode: the device lists no numbers; the holder types the one the browser shows.
    int typed = server.newChallenge(USER, NumberMatching.Mode.TYPE);
    assertEquals(0, run("pending", "--store", store, "--pin", "1234"), err());
    assertTrue(out().contains("numbers      type the number shown in the browser"), out());
    assertEquals(
        1,
        run(
            "approve",
            "--store",
            store,
            "--pin",
            "1234",
            "--number",
            String.valueOf(typed == 99 ? 98 : typed + 1)));
    assertTrue(err().startsWith("error: wrong_number: "), err());
    typed = server.newChallenge(USER, NumberMatching.Mode.TYPE);
    assertEquals(
        0,
        run("approve", "--store", store, "--pin", "1234", "--number", String.valueOf(typed)),
        err());
    assertEquals("approved", out().strip());

    server.newChallenge(USER);
    assertEquals(0, run(Map.of(SoftTokenCli.PIN_ENV, "1234"), "deny", "--store", store), err());
    assertEquals("denied", out().strip());

    assertEquals(0, run("status", "--store", store, "--pin", "1234"), err());
    assertTrue(out().contains("state        active"), out());
    assertTrue(out().contains("device name  CLI"), out());

    assertEquals(0, run("revoke", "--store", store, "--pin", "1234"), err());
    assertTrue(out().contains("state        revoked"), out());

    assertEquals(1, run("status", "--store", store, "--pin", "1234"));
    String line = err().strip();
    assertTrue(line.startsWith("error: certificate_revoked: "), line);
    assertEquals(1, line.lines().count(), line);
  }

  @Test
  void renewReplacesTheStoredKeyAndStatusShowsExpiry() throws Exception {
    String store = dir.resolve("r.p12").toString();
    String link = server.newActivation(USER).toHttpsLink();
    assertEquals(0, run("enroll", "--link", link, "--store", store, "--pin", "1234"), err());
    String before = SoftTokenDevice.load(Path.of(store), "1234".toCharArray()).serialNumber();

    assertEquals(0, run("status", "--store", store, "--pin", "1234"), err());
    assertTrue(out().contains("not after    "), out());
    assertTrue(out().contains("renew from   "), out());

    assertEquals(0, run("renew", "--store", store, "--pin", "1234"), err());
    assertTrue(out().startsWith("renewed"), out());
    SoftTokenDevice after = SoftTokenDevice.load(Path.of(store), "1234".toCharArray());
    assertNotEquals(before, after.serialNumber());
    assertTrue(out().contains("serial       " + after.serialNumber()), out());

    int shown = server.newChallenge(USER);
    assertEquals(
        0,
        run("approve", "--store", store, "--pin", "1234", "--number", String.valueOf(shown)),
        err());

    server.renewalWindow(java.time.Duration.ofDays(1));
    assertEquals(1, run("renew", "--store", store, "--pin", "1234"));
    assertTrue(err().startsWith("error: renewal_too_early: "), err());
    assertEquals(
        after.serialNumber(),
        SoftTokenDevice.load(Path.of(store), "1234".toCharArray()).serialNumber(),
        "a refused renewal leaves the store as it was");
  }

  @Test
  void enrollFromALinkAndFailures() throws Exception {
    String store = dir.resolve("d.p12").toString();
    String link = server.newActivation(USER).toHttpsLink();
    assertEquals(0, run("enroll", "--link", link, "--store", store, "--pin", "1234"), err());

    assertEquals(1, run("enroll", "--link", link, "--store", store, "--pin", "1234"));
    assertTrue(err().startsWith("error: invalid_activation_code: "), err());

    assertEquals(1, run("status", "--store", store, "--pin", "0000"));
    assertTrue(err().startsWith("error: store_error: "), err());

    assertEquals(1, run("approve", "--store", store, "--pin", "1234", "--number", "12"));
    assertTrue(err().startsWith("error: no_pending_challenge: "), err());

    int shown = server.newChallenge(USER);
    int wrong = shown == 99 ? 98 : shown + 1;
    assertEquals(
        1, run("approve", "--store", store, "--pin", "1234", "--number", String.valueOf(wrong)));
    assertTrue(err().startsWith("error: wrong_number: "), err());

    assertEquals(
        1, run("enroll", "--link", "https://x.example/no", "--store", store, "--pin", "1234"));
    assertTrue(err().startsWith("error: invalid_activation: "), err());
  }

  @Test
  void usageErrors() {
    assertEquals(2, run());
    assertTrue(err().contains("Usage: gfmis-softtoken"), err());
    assertEquals(2, run("approve", "--store", "x"));
    assertEquals(2, run("status", "--store", dir.resolve("x.p12").toString()));
    assertTrue(err().contains("Missing --pin"), err());
    assertEquals(
        2, run("enroll", "--link", "x", "--store", dir.resolve("x.p12").toString(), "--pin", "12"));
    assertEquals(0, run("help"));
    assertTrue(out().contains("Usage: gfmis-softtoken"), out());
  }
}
