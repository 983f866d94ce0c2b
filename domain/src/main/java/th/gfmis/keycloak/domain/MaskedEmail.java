package th.gfmis.keycloak.domain;

/** An e-mail address shown with most of its local part hidden, e.g. {@code s*****@cgd.go.th}. */
public final class MaskedEmail {

  private MaskedEmail() {}

  public static String mask(String email) {
    if (email == null) {
      return "";
    }
    int at = email.lastIndexOf('@');
    if (at <= 0) {
      return "***";
    }
    String local = email.substring(0, at);
    int shown = local.length() <= 2 ? 1 : 2;
    return local.substring(0, shown)
        + "*".repeat(Math.max(3, local.length() - shown))
        + email.substring(at);
  }
}
