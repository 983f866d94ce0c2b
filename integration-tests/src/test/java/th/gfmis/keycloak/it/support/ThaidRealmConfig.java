package th.gfmis.keycloak.it.support;

import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The ThaID stand-in realm {@value #REALM_JSON} as the demo imports it: realm {@code thaid} on the
 * same server, which the gfmis realm's identity provider {@code thaid} points at.
 */
public class ThaidRealmConfig implements RealmConfig {

  /** The stand-in realm's name, as in its JSON. */
  public static final String REALM = "thaid";

  public static final String REALM_JSON = "/realm-export/thaid/thaid-realm.json";

  /** The stand-in's client for the gfmis realm, and its secret (as in both realm files). */
  public static final String CLIENT_ID = "gfmis-registration";

  public static final String CLIENT_SECRET = "gfmis-thaid-demo-secret-not-for-production";

  /** Every stand-in person's password. */
  public static final String PASSWORD = "Thaid@Demo2026";

  /** The holder of demo user T05005000000101 (สมชาย ใจดี). */
  public static final String SOMCHAI = "2345687383518";

  /** Nobody's holder: proves a CID no demo user has. */
  public static final String WILAI = "1509900678901";

  @Override
  public RealmBuilder configure(RealmBuilder realm) {
    return realm;
  }
}
