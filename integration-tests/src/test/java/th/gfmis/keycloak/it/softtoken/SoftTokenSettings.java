package th.gfmis.keycloak.it.softtoken;

import java.util.Map;
import org.keycloak.testframework.realm.ManagedRealm;
import th.gfmis.keycloak.it.support.RealmSettings;

/** Changes the Soft Token step's settings through the admin API, as an operator would. */
final class SoftTokenSettings {

  static final String BROWSER_FLOW = "gfmis browser";
  static final String CONFIG_ALIAS = "gfmis softtoken";

  private SoftTokenSettings() {}

  static void set(ManagedRealm realm, Map<String, String> options) {
    new RealmSettings(realm).authenticatorConfig(BROWSER_FLOW, CONFIG_ALIAS, options);
  }

  /** "Get Certificate" settings: the renewal window in days (other settings at their defaults). */
  static void renewalWindowDays(ManagedRealm realm, int days) {
    new RealmSettings(realm)
        .requiredActionConfig(
            "gfmis-softtoken-enroll", Map.of("renewalWindowDays", Integer.toString(days)));
  }
}
