package th.gfmis.keycloak.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A New GFMIS Thai user ID (รหัสผู้ใช้งาน), e.g. {@code T05005000000101}: 15 characters, an
 * upper-case letter followed by 14 digits. Its inner structure is not public, so only length and
 * character set are checked. Keycloak stores usernames in lower case; {@link #username()} gives
 * that form.
 */
public record GfmisUserId(String value) {

  private static final Pattern FORMAT = Pattern.compile("[A-Z][0-9]{14}");

  public GfmisUserId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not a GFMIS user ID");
    }
  }

  /** Accepts the ID in either case, with surrounding blanks trimmed. */
  public static Optional<GfmisUserId> parse(String input) {
    if (input == null || input.length() > 64) {
      return Optional.empty();
    }
    String candidate = input.strip().toUpperCase(Locale.ROOT);
    return FORMAT.matcher(candidate).matches()
        ? Optional.of(new GfmisUserId(candidate))
        : Optional.empty();
  }

  /** The form Keycloak stores as the username. */
  public String username() {
    return value.toLowerCase(Locale.ROOT);
  }
}
