package th.gfmis.keycloak.registration.proofing;

import java.util.Optional;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.core.citizenid.CitizenIdStore;
import th.gfmis.keycloak.registration.RegistrationKind;
import th.gfmis.keycloak.registration.RegistrationNotes;

/**
 * What a proofing round trip means for the registration, kept in the authentication session until
 * the step "prove identity" reads it ({@link #NOTE}). The proven CID is compared with the entered
 * one here, where it is in memory, so that it never reaches a note or a log.
 */
public enum ProofingResult {
  /** The proven CID is the entered one: the notes PROVEN_* and KIND are written. */
  PROVEN,
  /** The proven CID is someone else's. */
  OTHER_PERSON,
  /** The person cancelled at the proofing service. */
  CANCELLED,
  /** The round trip failed (service error, invalid token, missing claims). */
  FAILED,
  /** The return did not carry this session's state (replayed or forged). */
  INVALID_STATE;

  /** The auth note holding the result of the last round trip, until the step reads it. */
  public static final String NOTE = "gfmis-reg-proofing-result";

  /** The result in the session, removed from it; empty when no round trip ended. */
  public static Optional<ProofingResult> take(AuthenticationSessionModel authSession) {
    String value = authSession.getAuthNote(NOTE);
    authSession.removeAuthNote(NOTE);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(value));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  /** Keeps this result, unless it would hide a proof the step has not read yet. */
  void keep(AuthenticationSessionModel authSession) {
    if (this != PROVEN && PROVEN.name().equals(authSession.getAuthNote(NOTE))) {
      return;
    }
    authSession.setAuthNote(NOTE, name());
  }

  /**
   * Records the outcome of a round trip in the session: for a proof of the entered CID, the proven
   * name, level and the kind of registration it makes.
   */
  public static ProofingResult record(
      AuthenticationSessionModel authSession, CitizenIdStore store, ProofingOutcome outcome) {
    ProofingResult result;
    if (outcome instanceof ProofingOutcome.Proven proven) {
      result = recordProof(authSession, store, proven.identity());
    } else {
      result = outcome instanceof ProofingOutcome.Cancelled ? CANCELLED : FAILED;
    }
    result.keep(authSession);
    return result;
  }

  private static ProofingResult recordProof(
      AuthenticationSessionModel authSession, CitizenIdStore store, ProvenIdentity identity) {
    String entered = authSession.getAuthNote(RegistrationNotes.ENTERED_CID_HASH);
    UserModel user = authSession.getAuthenticatedUser();
    if (entered == null || user == null) {
      return FAILED;
    }
    if (!store.hashMatches(entered, identity.citizenId())) {
      return OTHER_PERSON;
    }
    RegistrationKind kind =
        kindOf(store.lastFour(user).isPresent(), () -> store.matches(user, identity.citizenId()));
    authSession.setAuthNote(RegistrationNotes.PROVEN_NAME_TH, identity.nameTh());
    identity
        .nameEn()
        .ifPresentOrElse(
            name -> authSession.setAuthNote(RegistrationNotes.PROVEN_NAME_EN, name),
            () -> authSession.removeAuthNote(RegistrationNotes.PROVEN_NAME_EN));
    authSession.setAuthNote(RegistrationNotes.PROVEN_IAL, identity.identityAssuranceLevel());
    authSession.setAuthNote(RegistrationNotes.KIND, kind.name());
    return PROVEN;
  }

  /**
   * NEW_HOLDER when the user ID has no CID bound, NEW_DEVICE when the proven CID is the bound one,
   * HOLDER_CHANGE when another CID is bound.
   */
  static RegistrationKind kindOf(
      boolean cidBound, java.util.function.BooleanSupplier provenIsBound) {
    if (!cidBound) {
      return RegistrationKind.NEW_HOLDER;
    }
    return provenIsBound.getAsBoolean()
        ? RegistrationKind.NEW_DEVICE
        : RegistrationKind.HOLDER_CHANGE;
  }
}
