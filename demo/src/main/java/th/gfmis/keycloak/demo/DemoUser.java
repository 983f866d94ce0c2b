package th.gfmis.keycloak.demo;

/**
 * A user shipped in a realm export, as the banner lists it.
 *
 * @param realm the realm the user belongs to
 * @param username the user ID to sign in with
 * @param email the registered address (where OTPs go), or empty
 * @param demoCid the demo citizen ID from the attribute {@code gfmis.demo.cid}, or empty
 */
record DemoUser(String realm, String username, String email, String demoCid) {}
