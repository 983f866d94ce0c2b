package th.gfmis.keycloak.registration;

/**
 * Authentication-session notes that the registration flow's steps pass to each other. No note holds
 * a full citizen ID: only its keyed hash and last four digits.
 */
public final class RegistrationNotes {

  /** The entered CID's keyed hash ({@code CitizenIdStore#hashOf}); set by the first step. */
  public static final String ENTERED_CID_HASH = "gfmis-reg-entered-cid-hash";

  /** The entered CID's last four digits. */
  public static final String ENTERED_CID_LAST_FOUR = "gfmis-reg-entered-cid-last4";

  /** Set by the proofing step once the proven CID equals the entered one: the proven Thai name. */
  public static final String PROVEN_NAME_TH = "gfmis-reg-proven-name-th";

  /** The proven English name, when the proofing gave one. */
  public static final String PROVEN_NAME_EN = "gfmis-reg-proven-name-en";

  /** The proofing's identity assurance level. */
  public static final String PROVEN_IAL = "gfmis-reg-proven-ial";

  /** The {@link RegistrationKind} the proven CID makes of this registration. */
  public static final String KIND = "gfmis-reg-kind";

  /** The id of the registration this flow fixes or created. */
  public static final String REGISTRATION_ID = "gfmis-reg-id";

  /** The version of that registration this flow last read. */
  public static final String REGISTRATION_VERSION = "gfmis-reg-version";

  private RegistrationNotes() {}
}
