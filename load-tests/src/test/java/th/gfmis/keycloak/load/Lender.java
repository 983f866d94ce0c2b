package th.gfmis.keycloak.load;

/** Lends the load test's users to sign-ins, each to one at a time. */
interface Lender {

  /** A user for one sign-in, or null when none is free. */
  String take();

  /** The sign-in is over. */
  void release(String username);
}
