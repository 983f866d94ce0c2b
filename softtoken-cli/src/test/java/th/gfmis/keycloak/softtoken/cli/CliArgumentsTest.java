package th.gfmis.keycloak.softtoken.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliArgumentsTest {

  @Test
  void parsesEnrollWithQr() throws Exception {
    CliArguments a =
        CliArguments.parse(
            "enroll", "--qr", "qr.png", "--store", "d.p12", "--pin", "1234", "--name", "My phone");
    assertEquals(CliArguments.Command.ENROLL, a.command());
    assertEquals(
        Map.of("qr", "qr.png", "store", "d.p12", "pin", "1234", "name", "My phone"), a.options());
  }

  @Test
  void parsesEqualsForm() throws Exception {
    CliArguments a =
        CliArguments.parse("enroll", "--link=gfmis-softtoken://enroll?v=1&x=y", "--store=d.p12");
    assertEquals("gfmis-softtoken://enroll?v=1&x=y", a.option("link").orElseThrow());
    assertEquals("d.p12", a.option("store").orElseThrow());
  }

  @Test
  void parsesEveryCommand() throws Exception {
    assertEquals(
        CliArguments.Command.PENDING, CliArguments.parse("pending", "--store", "s").command());
    CliArguments approve =
        CliArguments.parse("approve", "--store", "s", "--number", "47", "--challenge", "abc");
    assertEquals("47", approve.option("number").orElseThrow());
    assertEquals("abc", approve.option("challenge").orElseThrow());
    assertEquals(CliArguments.Command.DENY, CliArguments.parse("deny", "--store", "s").command());
    assertEquals(
        CliArguments.Command.STATUS, CliArguments.parse("status", "--store", "s").command());
    assertEquals(
        CliArguments.Command.REVOKE, CliArguments.parse("revoke", "--store", "s").command());
    assertEquals(CliArguments.Command.HELP, CliArguments.parse("help").command());
    assertEquals(CliArguments.Command.HELP, CliArguments.parse("--help").command());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "frobnicate",
        "enroll --store s",
        "enroll --qr a --link b --store s",
        "enroll --qr a",
        "enroll --qr a --store s --store t",
        "enroll --qr a --store",
        "enroll --qr a --store s extra",
        "enroll --qr a --store s --number 12",
        "pending",
        "pending --store s --challenge x",
        "approve --store s",
        "approve --store s --number forty",
        "approve --store s --number -1",
        "approve --store s --number 1234",
        "deny --store s --number 12",
        "status --store=",
        "revoke --store s --",
        "help --store s"
      })
  void refusesBadCommandLines(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    CliArguments.UsageException e =
        assertThrows(CliArguments.UsageException.class, () -> CliArguments.parse(args));
    assertTrue(!e.getMessage().isBlank());
  }
}
