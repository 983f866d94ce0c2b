package th.gfmis.keycloak.domain;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Random temporary passwords that satisfy the usual composition rules: at least two each of upper
 * case, lower case, digits and symbols, the rest drawn from all four. Characters that are easily
 * misread in an e-mail (0/O, 1/l/I) are left out.
 */
public final class TemporaryPasswords {

  private static final String UPPER = "ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SYMBOLS = "!#%+=?@*";
  private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;
  private static final int PER_CLASS = 2;
  public static final int MIN_LENGTH = 4 * PER_CLASS;

  private final SecureRandom random;

  public TemporaryPasswords(SecureRandom random) {
    this.random = random;
  }

  public TemporaryPasswords() {
    this(new SecureRandom());
  }

  public String generate(int length) {
    if (length < MIN_LENGTH) {
      throw new IllegalArgumentException("a temporary password needs at least " + MIN_LENGTH);
    }
    List<Character> chars = new ArrayList<>(length);
    for (String alphabet : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
      for (int i = 0; i < PER_CLASS; i++) {
        chars.add(pick(alphabet));
      }
    }
    while (chars.size() < length) {
      chars.add(pick(ALL));
    }
    Collections.shuffle(chars, random);
    StringBuilder password = new StringBuilder(length);
    chars.forEach(password::append);
    return password.toString();
  }

  private char pick(String alphabet) {
    return alphabet.charAt(random.nextInt(alphabet.length()));
  }
}
