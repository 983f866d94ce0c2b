package th.gfmis.keycloak.demo;

import java.util.List;

/** The text printed once everything is up: where to go, how to sign in, how to stop. */
final class Banner {
  private Banner() {}

  static String text(DemoSettings settings, DemoLayout layout, List<DemoUser> users) {
    String line = "=".repeat(78);
    StringBuilder out = new StringBuilder();
    out.append('\n').append(line).append('\n');
    out.append("  GFMIS sign-in demo is ready  (ระบบทดสอบพร้อมใช้งาน)\n");
    out.append(line).append('\n');
    item(out, "Login page (account console)", settings.keycloakUrl() + "/realms/gfmis/account");
    item(
        out,
        "Admin console",
        settings.keycloakUrl()
            + "/admin   ("
            + KeycloakServer.ADMIN_USERNAME
            + " / "
            + KeycloakServer.ADMIN_PASSWORD
            + ")");
    if (settings.https()) {
      item(
          out,
          "Soft Token app (phone)",
          settings.keycloakUrl() + "/realms/gfmis/gfmis-softtoken/app/");
      item(
          out,
          "CA for the phone to trust",
          layout.show(layout.httpsDir().resolve(DemoCertificates.CA_FILE))
              + "  (docs/softtoken-web-app.md)");
    }
    item(out, "Mailbox (all e-mail)", settings.webUrl() + "/");
    item(out, "Demo app (OIDC client)", settings.webUrl() + "/app");
    item(out, "SMTP (mail catcher)", "localhost:" + settings.smtpPort());
    item(out, "Keycloak log", layout.show(layout.keycloakLog()));
    item(out, "Mail files (.eml)", layout.show(layout.mailboxDir()));
    out.append('\n');
    if (users.isEmpty()) {
      out.append("  No users in the realm files.\n");
    } else {
      boolean withCid = users.stream().anyMatch(user -> !user.demoCid().isEmpty());
      String format = withCid ? "    %-10s %-24s %-36s %s%n" : "    %-10s %-24s %s%n";
      out.append("  Demo users (their password is in README.md):\n");
      out.append(
          withCid
              ? String.format(format, "realm", "username", "email", "demo CID")
              : String.format(format, "realm", "username", "email"));
      for (DemoUser user : users) {
        String email = user.email().isEmpty() ? "-" : user.email();
        out.append(
            withCid
                ? String.format(
                    format,
                    user.realm(),
                    user.username(),
                    email,
                    user.demoCid().isEmpty() ? "-" : user.demoCid())
                : String.format(format, user.realm(), user.username(), email));
      }
    }
    out.append('\n').append("  Press Ctrl-C to stop everything.\n");
    out.append(line).append('\n');
    return out.toString();
  }

  private static void item(StringBuilder out, String label, String value) {
    out.append(String.format("  %-30s %s%n", label, value));
  }
}
