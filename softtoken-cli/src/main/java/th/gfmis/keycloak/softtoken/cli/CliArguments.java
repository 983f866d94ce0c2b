package th.gfmis.keycloak.softtoken.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command line: {@code <command> [--option value | --option=value]...}. Strict: unknown
 * commands and options, repeated options, missing values and stray arguments are usage errors.
 *
 * @param command the command
 * @param options the options, without the leading dashes
 */
public record CliArguments(Command command, Map<String, String> options) {

  /** The commands and their options. */
  public enum Command {
    /** Enroll from a QR image or a link. */
    ENROLL("enroll"),
    /** List pending challenges. */
    PENDING("pending"),
    /** Approve a challenge with the displayed number. */
    APPROVE("approve"),
    /** Deny a challenge. */
    DENY("deny"),
    /** Show the device's status. */
    STATUS("status"),
    /** Revoke the device's certificate. */
    REVOKE("revoke"),
    /** Renew the device's certificate with a new key (in the renewal window). */
    RENEW("renew"),
    /** Print usage. */
    HELP("help");

    private final String word;

    Command(String word) {
      this.word = word;
    }

    /**
     * @return the word typed on the command line
     */
    public String word() {
      return word;
    }

    /**
     * @return the options this command accepts
     */
    public Set<String> allowedOptions() {
      return switch (this) {
        case ENROLL -> Set.of("qr", "link", "store", "pin", "name");
        case APPROVE -> Set.of("store", "pin", "challenge", "number");
        case DENY -> Set.of("store", "pin", "challenge");
        case PENDING, STATUS, REVOKE, RENEW -> Set.of("store", "pin");
        case HELP -> Set.of();
      };
    }

    /**
     * @return the options this command requires
     */
    public Set<String> requiredOptions() {
      return switch (this) {
        case APPROVE -> Set.of("store", "number");
        case HELP -> Set.of();
        default -> Set.of("store");
      };
    }
  }

  /** A usage error, with a one-line English reason. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the reason
     */
    public UsageException(String message) {
      super(message);
    }
  }

  /** The usage text. */
  public static final String USAGE =
      """
      Usage: gfmis-softtoken <command> [options]

      Commands:
        enroll  (--qr <image.png> | --link <uri>) --store <file.p12> --pin <pin> [--name <device name>]
        pending --store <file.p12> --pin <pin>
        approve --store <file.p12> --pin <pin> [--challenge <id>] --number <n>
        deny    --store <file.p12> --pin <pin> [--challenge <id>]
        status  --store <file.p12> --pin <pin>
        revoke  --store <file.p12> --pin <pin>
        renew   --store <file.p12> --pin <pin>   (new key and certificate, in the renewal window)
        help

      The PIN protects the PKCS#12 store; instead of --pin it may come from the environment
      variable GFMIS_SOFTTOKEN_PIN. Server, realm and user are kept beside the store, in
      <file.p12>.json. Exit status: 0 success; 1 refused or failed (one line on standard error:
      the error code and description); 2 usage error.""";

  /**
   * Parses the arguments.
   *
   * @param args the command line
   * @return the parsed arguments
   * @throws UsageException with the reason
   */
  public static CliArguments parse(String... args) throws UsageException {
    if (args.length == 0) {
      throw new UsageException("Missing command.");
    }
    Command command = null;
    for (Command c : Command.values()) {
      if (c.word.equals(args[0])) {
        command = c;
      }
    }
    if (args[0].equals("--help") || args[0].equals("-h")) {
      command = Command.HELP;
    }
    if (command == null) {
      throw new UsageException("Unknown command '" + args[0] + "'.");
    }
    Map<String, String> options = new LinkedHashMap<>();
    List<String> rest = List.of(args).subList(1, args.length);
    for (int i = 0; i < rest.size(); i++) {
      String arg = rest.get(i);
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new UsageException("Unexpected argument '" + arg + "'.");
      }
      String name;
      String value;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(2, eq);
        value = arg.substring(eq + 1);
      } else {
        name = arg.substring(2);
        if (i + 1 >= rest.size()) {
          throw new UsageException("Option --" + name + " needs a value.");
        }
        value = rest.get(++i);
      }
      if (!command.allowedOptions().contains(name)) {
        throw new UsageException("Option --" + name + " is not valid for " + command.word + ".");
      }
      if (value.isEmpty()) {
        throw new UsageException("Option --" + name + " needs a value.");
      }
      if (options.put(name, value) != null) {
        throw new UsageException("Option --" + name + " is given more than once.");
      }
    }
    for (String name : command.requiredOptions()) {
      if (!options.containsKey(name)) {
        throw new UsageException("Missing --" + name + " for " + command.word + ".");
      }
    }
    if (command == Command.ENROLL && options.containsKey("qr") == options.containsKey("link")) {
      throw new UsageException("enroll needs exactly one of --qr and --link.");
    }
    if (options.containsKey("number")) {
      String n = options.get("number");
      if (!n.matches("[0-9]{1,3}")) {
        throw new UsageException("--number must be the number shown in the browser.");
      }
    }
    return new CliArguments(command, Map.copyOf(options));
  }

  /**
   * An option's value.
   *
   * @param name the option name without dashes
   * @return the value
   */
  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }
}
