package th.gfmis.keycloak.it.support;

import java.util.HashMap;
import java.util.Map;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** Changes operator settings through the admin API, as an administrator would in the console. */
public final class RealmSettings {

  public static final String RESET_OTP_CONFIG = "gfmis reset OTP";
  public static final String RESET_THROTTLE_CONFIG = "gfmis reset throttle";
  public static final String TEMPORARY_PASSWORD_ACTION = "gfmis-change-temporary-password";

  private final ManagedRealm realm;

  public RealmSettings(ManagedRealm realm) {
    this.realm = realm;
  }

  /** Sets options of an authenticator configuration of the reset flow, found by its alias. */
  public void authenticatorConfig(String alias, Map<String, String> options) {
    authenticatorConfig("gfmis reset credentials", alias, options);
  }

  /** Sets options of an authenticator configuration used in a flow, found by its alias. */
  public void authenticatorConfig(String flow, String alias, Map<String, String> options) {
    var flows = realm.admin().flows();
    AuthenticatorConfigRepresentation config =
        flows.getExecutions(flow).stream()
            .filter(e -> e.getAuthenticationConfig() != null)
            .map(e -> flows.getAuthenticatorConfig(e.getAuthenticationConfig()))
            .filter(c -> alias.equals(c.getAlias()))
            .findFirst()
            .orElseThrow();
    Map<String, String> merged = new HashMap<>(config.getConfig());
    merged.putAll(options);
    config.setConfig(merged);
    flows.updateAuthenticatorConfig(config.getId(), config);
  }

  public void temporaryPasswordLifetimeMinutes(int minutes) {
    requiredActionConfig(
        TEMPORARY_PASSWORD_ACTION, Map.of("lifetimeMinutes", Integer.toString(minutes)));
  }

  /** Replaces the settings of a required action, as on its ⚙ in the admin console. */
  public void requiredActionConfig(String alias, Map<String, String> options) {
    RequiredActionConfigRepresentation config = new RequiredActionConfigRepresentation();
    config.setConfig(options);
    realm.admin().flows().updateRequiredActionConfig(alias, config);
  }

  /** Points the realm's SMTP settings at a port; returns the previous port. */
  public String smtpPort(String port) {
    RealmRepresentation rep = realm.admin().toRepresentation();
    Map<String, String> smtp = new HashMap<>(rep.getSmtpServer());
    String previous = smtp.put("port", port);
    rep.setSmtpServer(smtp);
    realm.admin().update(rep);
    return previous;
  }
}
