package th.gfmis.keycloak.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmarks' command line: {@code --name value} pairs out of a known list, and --help. */
final class Options {

  private final Map<String, String> values;

  private Options(Map<String, String> values) {
    this.values = values;
  }

  /**
   * The options given, or null when help was asked for; throws on a name not in {@code names} or a
   * name without a value.
   */
  static Options parse(String[] args, List<String> names) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (args[i].equals("--help") || args[i].equals("-h")) {
        return null;
      }
      String name = args[i].replaceFirst("^--", "");
      if (!args[i].startsWith("--") || !names.contains(name)) {
        throw new IllegalArgumentException("Unknown option: " + args[i]);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + args[i] + " needs a value");
      }
      values.put(name, args[i + 1]);
    }
    return new Options(values);
  }

  String text(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  /**
   * Whether the option says {@code chosen} rather than {@code otherwise} (also when it is absent);
   * throws with the option's name on any other value.
   */
  boolean chooses(String name, String otherwise, String chosen) {
    String value = values.getOrDefault(name, otherwise);
    if (value.equals(chosen) || value.equals(otherwise)) {
      return value.equals(chosen);
    }
    throw new IllegalArgumentException(
        "--" + name + " must be " + otherwise + " or " + chosen + ", not " + value);
  }

  /** A whole number of at least {@code minimum}; throws with the option's name otherwise. */
  int number(String name, int minimum, int defaultValue) {
    String value = values.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= minimum) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--" + name + " must be a whole number of at least " + minimum + ", not " + value);
  }
}
