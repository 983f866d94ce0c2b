package th.gfmis.keycloak.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.validate.ValidationError;

/**
 * The values that each number or yes/no setting of an authenticator or required action accepts. A
 * blank value means the default. The rules document themselves in the settings' help texts, reject
 * a bad value when a required action's settings are saved, and stop a sign-in step with a clear
 * page (instead of an error deep inside it) when an authenticator's settings are bad: Keycloak 26.7
 * offers no save-time check for authenticator configurations.
 */
public final class SettingRules {

  private static final Logger LOG = Logger.getLogger(SettingRules.class);
  private static final int MAX_ECHO = 40;

  /** One setting's rule. */
  public sealed interface Rule permits Range, Flag, OneOf {
    String name();

    /** What is wrong with {@code value}, as a sentence naming the setting; empty when fine. */
    Optional<String> problem(String value);

    /** The accepted values, for the help text. */
    String accepted();
  }

  /** A whole number from {@code minimum} to {@code maximum}. */
  public record Range(String name, long minimum, long maximum) implements Rule {
    @Override
    public Optional<String> problem(String value) {
      try {
        long number = Long.parseLong(value.strip());
        if (number >= minimum && number <= maximum) {
          return Optional.empty();
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      return Optional.of(
          String.format(
              "%s must be a whole number from %d to %d (got '%s')",
              name, minimum, maximum, echo(value)));
    }

    @Override
    public String accepted() {
      return String.format("Whole number from %d to %d.", minimum, maximum);
    }
  }

  /** {@code true} or {@code false}. */
  public record Flag(String name) implements Rule {
    @Override
    public Optional<String> problem(String value) {
      String v = value.strip();
      return "true".equals(v) || "false".equals(v)
          ? Optional.empty()
          : Optional.of(String.format("%s must be true or false (got '%s')", name, echo(value)));
    }

    @Override
    public String accepted() {
      return "true or false.";
    }
  }

  /** One of a fixed list of words, exactly as written. */
  public record OneOf(String name, List<String> values) implements Rule {
    public OneOf {
      values = List.copyOf(values);
    }

    @Override
    public Optional<String> problem(String value) {
      return values.contains(value.strip())
          ? Optional.empty()
          : Optional.of(
              String.format(
                  "%s must be one of %s (got '%s')", name, String.join(", ", values), echo(value)));
    }

    @Override
    public String accepted() {
      return "One of: " + String.join(", ", values) + ".";
    }
  }

  /** A setting whose value its rule rejects, and why, as a sentence naming the setting. */
  public record Problem(String setting, String message) {}

  private final Map<String, Rule> rules;

  private SettingRules(Map<String, Rule> rules) {
    this.rules = rules;
  }

  public static Range range(String name, long minimum, long maximum) {
    return new Range(name, minimum, maximum);
  }

  public static Flag flag(String name) {
    return new Flag(name);
  }

  public static OneOf oneOf(String name, String... values) {
    return new OneOf(name, List.of(values));
  }

  public static SettingRules of(Rule... rules) {
    Map<String, Rule> byName = new LinkedHashMap<>();
    for (Rule rule : rules) {
      if (byName.put(rule.name(), rule) != null) {
        throw new IllegalArgumentException("two rules for " + rule.name());
      }
    }
    return new SettingRules(Map.copyOf(byName));
  }

  public Set<String> names() {
    return rules.keySet();
  }

  /** The problems of {@code config}, by setting name; empty when every value is acceptable. */
  public List<Problem> problems(Map<String, String> config) {
    List<Problem> problems = new ArrayList<>();
    if (config == null) {
      return problems;
    }
    config.forEach(
        (name, value) -> {
          Rule rule = rules.get(name);
          if (rule != null && value != null && !value.isBlank()) {
            rule.problem(value).ifPresent(message -> problems.add(new Problem(name, message)));
          }
        });
    problems.sort(Comparator.comparing(Problem::setting));
    return problems;
  }

  /** {@code properties}, each help text followed by the values its setting accepts. */
  public List<ProviderConfigProperty> document(List<ProviderConfigProperty> properties) {
    for (ProviderConfigProperty property : properties) {
      Rule rule = rules.get(property.getName());
      if (rule != null) {
        property.setHelpText(property.getHelpText() + " " + rule.accepted());
      }
    }
    return properties;
  }

  /**
   * For a required action's {@code validateConfig}: a bad value makes Keycloak answer the save with
   * 400 and these messages.
   */
  public void requireValidOnSave(String providerId, Map<String, String> config) {
    List<Problem> problems = problems(config);
    if (!problems.isEmpty()) {
      ValidationException.ValidationExceptionBuilder errors =
          new ValidationException.ValidationExceptionBuilder();
      problems.forEach(
          problem ->
              errors.accept(new ValidationError(providerId, problem.setting(), problem.message())));
      throw errors.build();
    }
  }

  /**
   * For an authenticator, when its settings are read at sign-in: a bad value is logged, naming the
   * configuration and the setting, and the step stops with "service not configured".
   */
  public void requireValidAtSignIn(String configAlias, Map<String, String> config) {
    List<Problem> problems = problems(config);
    if (!problems.isEmpty()) {
      String described = problems.stream().map(Problem::message).collect(Collectors.joining("; "));
      LOG.errorf(
          "Authenticator configuration '%s' has invalid settings: %s. Sign-ins through this step"
              + " are refused until an administrator corrects them.",
          configAlias, described);
      throw new InvalidSettingsException(configAlias, described);
    }
  }

  private static String echo(String value) {
    String v = value.strip();
    return v.length() > MAX_ECHO ? v.substring(0, MAX_ECHO) + "…" : v;
  }
}
