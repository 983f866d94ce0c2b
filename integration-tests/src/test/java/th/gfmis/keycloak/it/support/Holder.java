package th.gfmis.keycloak.it.support;

import java.util.Locale;

/** A GFMIS user ID holder as the tests know them: what they type into the forms. */
public record Holder(String userId, String citizenId, String email, String password) {

  /** The demo users of the realm export (see README). */
  public static final String DEMO_PASSWORD = "Gfmis@Demo2026";

  public static final Holder SOMCHAI =
      new Holder(
          "T05005000000101", "2-3456-87383-51-8", "somchai.j@demo.gfmis.local", DEMO_PASSWORD);
  public static final Holder SUDA =
      new Holder("T05005000000201", "1101700123456", "suda.r@demo.gfmis.local", DEMO_PASSWORD);
  public static final Holder ANAN =
      new Holder("T05005000000301", "3100500678905", "anan.s@demo.gfmis.local", DEMO_PASSWORD);

  public String username() {
    return userId.toLowerCase(Locale.ROOT);
  }

  /** The CID's thirteen digits, as they must never appear in logs or events. */
  public String citizenIdDigits() {
    return citizenId.replace("-", "");
  }
}
