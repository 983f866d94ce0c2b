package th.gfmis.keycloak.core;

/**
 * Reads numbers from the string maps of Keycloak's provider configuration (authenticator and
 * required-action settings), falling back to the default on anything an operator could mistype.
 */
public final class ConfigValues {

  private ConfigValues() {}

  /** {@code value} as a number of at least {@code minimum}; otherwise {@code defaultValue}. */
  public static long number(String value, long defaultValue, long minimum) {
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      long parsed = Long.parseLong(value.strip());
      return parsed >= minimum ? parsed : defaultValue;
    } catch (NumberFormatException e) {
      return defaultValue;
    }
  }

  public static int number(String value, int defaultValue, int minimum) {
    return (int) number(value, (long) defaultValue, (long) minimum);
  }
}
