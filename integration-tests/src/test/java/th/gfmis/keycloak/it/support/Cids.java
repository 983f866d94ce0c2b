package th.gfmis.keycloak.it.support;

/** Citizen IDs for test holders: twelve digits plus the check digit of R-ID2. */
public final class Cids {

  private Cids() {}

  public static String valid(String twelveDigits) {
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (twelveDigits.charAt(i) - '0') * (13 - i);
    }
    return twelveDigits + (11 - sum % 11) % 10;
  }
}
