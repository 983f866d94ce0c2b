package th.gfmis.keycloak.softtoken.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import th.gfmis.keycloak.softtoken.protocol.ChallengeResponseResult;
import th.gfmis.keycloak.softtoken.protocol.DeviceStatus;
import th.gfmis.keycloak.softtoken.protocol.IsoInstant;
import th.gfmis.keycloak.softtoken.protocol.NumberMatching;
import th.gfmis.keycloak.softtoken.protocol.PendingChallenge;

/** The command-line Soft Token: {@code java -jar gfmis-softtoken.jar <command> [options]}. */
public final class SoftTokenCli {

  /** Exit status of a success. */
  public static final int OK = 0;

  /** Exit status of a refused or failed operation. */
  public static final int FAILED = 1;

  /** Exit status of a usage error. */
  public static final int USAGE = 2;

  /** Environment variable read when {@code --pin} is absent. */
  public static final String PIN_ENV = "GFMIS_SOFTTOKEN_PIN";

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final Supplier<SoftTokenDevice.Config> config;

  /**
   * @param out standard output
   * @param err standard error
   * @param env the environment
   * @param config the device's HTTP settings
   */
  public SoftTokenCli(
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      Supplier<SoftTokenDevice.Config> config) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.config = config;
  }

  /**
   * Entry point.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    int status =
        new SoftTokenCli(out, err, System.getenv(), SoftTokenDevice.Config::defaults).run(args);
    System.exit(status);
  }

  /**
   * Runs one command.
   *
   * @param args the command line
   * @return the exit status
   */
  public int run(String... args) {
    CliArguments arguments;
    try {
      arguments = CliArguments.parse(args);
    } catch (CliArguments.UsageException e) {
      err.println("usage error: " + e.getMessage());
      err.println(CliArguments.USAGE);
      return USAGE;
    }
    try {
      execute(arguments);
      return OK;
    } catch (CliArguments.UsageException e) {
      err.println("usage error: " + e.getMessage());
      return USAGE;
    } catch (SoftTokenClientException e) {
      err.println("error: " + e.oneLine());
      return FAILED;
    } catch (RuntimeException e) {
      err.println("error: internal_error: " + e);
      return FAILED;
    }
  }

  private void execute(CliArguments a)
      throws SoftTokenClientException, CliArguments.UsageException {
    switch (a.command()) {
      case HELP -> out.println(CliArguments.USAGE);
      case ENROLL -> enroll(a);
      case PENDING -> pending(a);
      case APPROVE -> {
        SoftTokenDevice device = open(a);
        int number = Integer.parseInt(a.option("number").orElseThrow());
        ChallengeResponseResult r = device.approve(a.option("challenge").orElse(null), number);
        out.println(r.status());
      }
      case DENY -> {
        SoftTokenDevice device = open(a);
        out.println(device.deny(a.option("challenge").orElse(null)).status());
      }
      case STATUS -> print(open(a).status());
      case REVOKE -> print(open(a).revoke());
      case RENEW -> renew(a);
    }
  }

  private void enroll(CliArguments a) throws SoftTokenClientException, CliArguments.UsageException {
    Path store = Path.of(a.option("store").orElseThrow());
    char[] pin = pin(a);
    if (pin.length < 4) {
      throw new CliArguments.UsageException("The PIN must have at least 4 characters.");
    }
    String text =
        a.option("qr").isPresent()
            ? QrCodes.decode(Path.of(a.option("qr").orElseThrow()))
            : a.option("link").orElseThrow();
    SoftTokenDevice device =
        SoftTokenDevice.enroll(
            SoftTokenDevice.parseActivation(text), a.option("name").orElse(null), config.get());
    device.save(store, pin);
    out.println("enrolled");
    out.println("username     " + device.username());
    out.println("device name  " + device.deviceName());
    out.println("serial       " + device.serialNumber());
    out.println("not after    " + IsoInstant.format(device.notAfter()));
    out.println("store        " + store);
  }

  private void renew(CliArguments a) throws SoftTokenClientException, CliArguments.UsageException {
    Path store = Path.of(a.option("store").orElseThrow());
    char[] pin = pin(a);
    SoftTokenDevice renewed = SoftTokenDevice.load(store, pin, config.get()).renew();
    renewed.save(store, pin);
    out.println("renewed");
    out.println("username     " + renewed.username());
    out.println("device name  " + renewed.deviceName());
    out.println("serial       " + renewed.serialNumber());
    out.println("not after    " + IsoInstant.format(renewed.notAfter()));
    out.println("store        " + store);
  }

  private void pending(CliArguments a)
      throws SoftTokenClientException, CliArguments.UsageException {
    List<PendingChallenge> challenges = open(a).pending();
    if (challenges.isEmpty()) {
      out.println("no pending challenge");
      return;
    }
    for (PendingChallenge c : challenges) {
      out.println("challenge    " + c.id());
      out.println("client       " + c.clientName() + " (" + c.clientId() + ")");
      out.println("browser      " + c.browser());
      out.println("ip address   " + c.ipAddress());
      out.println(
          c.mode() == NumberMatching.Mode.TYPE
              ? "numbers      type the number shown in the browser"
              : "numbers      " + c.numberChoices());
      out.println(
          "expires      " + (c.expiresAt() == null ? "" : IsoInstant.format(c.expiresAt())));
    }
  }

  private void print(DeviceStatus s) {
    out.println("username     " + s.username());
    out.println("device name  " + s.deviceName());
    out.println("serial       " + s.serialNumber());
    out.println("not after    " + (s.notAfter() == null ? "" : IsoInstant.format(s.notAfter())));
    out.println("state        " + s.state());
    if (s.renewableFrom() != null) {
      out.println("renew from   " + IsoInstant.format(s.renewableFrom()));
    }
  }

  private SoftTokenDevice open(CliArguments a)
      throws SoftTokenClientException, CliArguments.UsageException {
    return SoftTokenDevice.load(Path.of(a.option("store").orElseThrow()), pin(a), config.get());
  }

  private char[] pin(CliArguments a) throws CliArguments.UsageException {
    if (a.option("pin").isPresent()) {
      return a.option("pin").orElseThrow().toCharArray();
    }
    String fromEnv = env.get(PIN_ENV);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv.toCharArray();
    }
    throw new CliArguments.UsageException("Missing --pin (or " + PIN_ENV + ").");
  }
}
