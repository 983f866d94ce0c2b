package th.gfmis.keycloak.it.support;

/** The demo users of the realm export (see README). */
public enum DemoUser {
  SOMCHAI("T05005000000101", "2-3456-87383-51-8", "somchai.j@demo.gfmis.local"),
  SUDA("T05005000000201", "1101700123456", "suda.r@demo.gfmis.local"),
  ANAN("T05005000000301", "3100500678905", "anan.s@demo.gfmis.local");

  public static final String PASSWORD = "Gfmis@Demo2026";

  public final String userId;
  public final String citizenId;
  public final String email;

  DemoUser(String userId, String citizenId, String email) {
    this.userId = userId;
    this.citizenId = citizenId;
    this.email = email;
  }

  public String username() {
    return userId.toLowerCase(java.util.Locale.ROOT);
  }
}
