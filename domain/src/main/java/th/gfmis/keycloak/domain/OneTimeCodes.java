package th.gfmis.keycloak.domain;

import java.security.SecureRandom;

/** Random codes from a CSPRNG: numeric OTPs and the short reference codes shown beside them. */
public final class OneTimeCodes {

  /** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
  private static final String REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

  private final SecureRandom random;

  public OneTimeCodes(SecureRandom random) {
    this.random = random;
  }

  public OneTimeCodes() {
    this(new SecureRandom());
  }

  /** A code of {@code length} decimal digits, leading zeros kept. */
  public String digits(int length) {
    StringBuilder code = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      code.append((char) ('0' + random.nextInt(10)));
    }
    return code.toString();
  }

  /** A reference code that lets the user pair an e-mail with the page that asked for it. */
  public String reference(int length) {
    StringBuilder code = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      code.append(REFERENCE_ALPHABET.charAt(random.nextInt(REFERENCE_ALPHABET.length())));
    }
    return code.toString();
  }
}
