package th.gfmis.keycloak.it.softtoken;

import java.util.HashMap;
import java.util.Map;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** Changes the Soft Token step's settings through the admin API, as an operator would. */
final class SoftTokenSettings {

  static final String BROWSER_FLOW = "gfmis browser";
  static final String CONFIG_ALIAS = "gfmis softtoken";

  private SoftTokenSettings() {}

  static void set(ManagedRealm realm, Map<String, String> options) {
    var flows = realm.admin().flows();
    AuthenticatorConfigRepresentation config =
        flows.getExecutions(BROWSER_FLOW).stream()
            .filter(e -> e.getAuthenticationConfig() != null)
            .map(e -> flows.getAuthenticatorConfig(e.getAuthenticationConfig()))
            .filter(c -> CONFIG_ALIAS.equals(c.getAlias()))
            .findFirst()
            .orElseThrow();
    Map<String, String> merged = new HashMap<>(config.getConfig());
    merged.putAll(options);
    config.setConfig(merged);
    flows.updateAuthenticatorConfig(config.getId(), config);
  }
}
