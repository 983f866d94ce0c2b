package th.gfmis.keycloak.registration;

/** Why a registration was made, decided by comparing the proven CID with the user's binding. */
public enum RegistrationKind {
  /** The user ID has no holder yet (no CID bound): the CGD approves (R-R4). */
  NEW_HOLDER,
  /** The proven CID is the one bound to the user ID: a new or lost phone, no approval (R-P1). */
  NEW_DEVICE,
  /** The proven CID differs from the bound one: always needs approval (R-S5, ว248, R-Q1). */
  HOLDER_CHANGE
}
