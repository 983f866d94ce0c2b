package th.gfmis.keycloak.registration;

/** Where a registration stands, as the holder and the CGD approver see it (R-S1…R-S4). */
public enum RegistrationStatus {
  /** The assignment order was not attached successfully; the reason says why (R-S1). */
  NEW,
  /** Submitted, waiting for the CGD (R-S2). */
  REQUEST,
  /** Refused by the CGD with a reason; the holder fixes it and resubmits (R-S3). */
  REJECT,
  /** Approved (or a new phone, which needs no approval): the user holds an enrollment grant. */
  APPROVED;

  /** Whether the registration is still open: at most one open registration per user ID. */
  public boolean isOpen() {
    return this != APPROVED;
  }
}
