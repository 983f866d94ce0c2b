package th.gfmis.keycloak.core.state;

/**
 * Every store the bundle keeps in Keycloak's single-use object store ({@code
 * session.singleUseObjects()}), each under its own key prefix. The single-use store is one flat,
 * cluster-wide map; these names keep the bundle's entries apart from Keycloak's and from each
 * other. A key is the store's prefix, a colon, and the parts that name one entry, joined by colons
 * (realm id first where the entry belongs to a realm).
 *
 * <p>What each store holds and how long is described where it is used; docs/architecture.md says
 * why this state lives here.
 */
public enum SingleUseStores {
  /** Per user: the epoch that every per-user limit's key carries; raising it clears them all. */
  USER_LOCK_EPOCH("gfmis-lock-epoch"),
  /** Per user and epoch: which of the user's limits are full, for administrators. */
  USER_LOCK_INDEX("gfmis-lock-index"),
  /** Wrong passwords of one user from one client address. */
  PASSWORD_FAILURES("gfmis-pw-fail"),
  /** Forgotten password: identify-form misses of one user ID from one client address. */
  RESET_MISSES_PER_USER_AND_ADDRESS("gfmis-reset-miss:user-address"),
  /** Forgotten password: identify-form misses from one client address over all user IDs. */
  RESET_MISSES_PER_ADDRESS("gfmis-reset-miss:address"),
  /** Forgotten password: the resend interval of one user's OTP e-mails from one address. */
  RESET_OTP_INTERVAL("gfmis-reset-otp-interval"),
  /** Forgotten password: all OTP e-mails of one user in a short window. */
  RESET_OTP_MAILS("gfmis-reset-otp-mails"),
  /** Forgotten password: wrong guesses of one e-mailed code in one browser tab. */
  RESET_OTP_GUESSES("gfmis-reset-otp-guess"),
  /** Forgotten password: the guard that sends one temporary password per browser tab. */
  RESET_TEMPORARY_PASSWORD_SENT("gfmis-reset-temporary-password"),
  /** Soft Token: denials and wrong numbers of one user's sign-ins from one client address. */
  SOFTTOKEN_FAILURES("gfmis-st-fail"),
  /** Soft Token: challenges issued to one user from one client address. */
  SOFTTOKEN_CHALLENGES_ISSUED("gfmis-st-issued"),
  /** Soft Token: one user's slots of pending login challenges, each holding its challenge. */
  SOFTTOKEN_PENDING_CHALLENGES("gfmis-st-ch-pending"),
  /** Soft Token: challenges already answered, so that a second answer is refused. */
  SOFTTOKEN_ANSWERED_CHALLENGES("gfmis-st-ch-done"),
  /** Soft Token: what a waiting browser page polls for. */
  SOFTTOKEN_BROWSER_POLLS("gfmis-st-poll"),
  /** Soft Token: activation codes (hashed) shown as QR codes. */
  SOFTTOKEN_ACTIVATIONS("gfmis-st-act"),
  /** Soft Token: the guard that lets one enrollment of a user run at a time. */
  SOFTTOKEN_ENROLLING("gfmis-st-enrolling"),
  /** Soft Token: the guard that lets one renewal of a certificate run at a time. */
  SOFTTOKEN_RENEWING("gfmis-st-renewing"),
  /** Soft Token device API: refused requests from one client address. */
  DEVICE_API_REFUSALS("gfmis-st-api-refused"),
  /** Registration: first forms from one client address that named no known user. */
  REGISTRATION_UNKNOWN_USERS("gfmis-reg-unknown"),
  /** Registration: OTP e-mails of one user. */
  REGISTRATION_OTP_MAILS("gfmis-reg-otp-mail"),
  /** Registration: wrong guesses of one e-mailed code in one browser tab. */
  REGISTRATION_OTP_GUESSES("gfmis-reg-otp-guess"),
  /** Registration: the guard that lets one submission of a user's registration run at a time. */
  REGISTRATION_SUBMITTING("gfmis-reg-submitting");

  private final String prefix;

  SingleUseStores(String prefix) {
    this.prefix = prefix;
  }

  /** The key of one entry: the prefix and {@code parts}, joined by colons. */
  public String key(String... parts) {
    return prefix + ":" + String.join(":", parts);
  }

  /** The prefix every key of this store starts with, colon included. */
  public String prefix() {
    return prefix + ":";
  }
}
