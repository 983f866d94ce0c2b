package th.gfmis.keycloak.registration;

import java.util.List;
import java.util.Optional;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * Keeps registrations, their assignment-order files and their history (SPI {@value
 * RegistrationStoreSpi#NAME}). At most one open registration per user ({@link
 * RegistrationStatus#isOpen()}), enforced by the store itself so that it holds across nodes. Every
 * change names the version it changes: a stale version is refused with {@link
 * StaleRegistrationException}, so of two parallel decisions or resubmissions one wins.
 */
public interface RegistrationStore extends Provider {

  Optional<Registration> byId(RealmModel realm, String id);

  /** The user's open registration, if any. */
  Optional<Registration> openFor(RealmModel realm, UserModel user);

  /** The user's most recent registration, open or not. */
  Optional<Registration> latestFor(RealmModel realm, UserModel user);

  /**
   * The user's most recently approved registration: who held the user ID last (the current holder's
   * proven name for a holder change).
   */
  Optional<Registration> lastApprovedFor(RealmModel realm, String userId);

  /**
   * Stores a new registration: status {@code NEW} when the submission's order was refused, else
   * {@code REQUEST}.
   *
   * @throws OpenRegistrationExistsException when the user already has an open registration
   */
  Registration create(RealmModel realm, UserModel user, Submission submission);

  /**
   * The holder's fix of a {@code NEW} or {@code REJECT} registration: replaces its data (and file,
   * when one is attached) and moves it to {@code NEW} or {@code REQUEST} as {@link #create} does.
   *
   * @throws StaleRegistrationException when it is no longer at {@code expectedVersion}, or not open
   *     to a fix
   */
  Registration resubmit(RealmModel realm, String id, long expectedVersion, Submission submission);

  /**
   * Moves a {@code REQUEST} to {@code APPROVED} or {@code REJECT} ({@code reason} required for the
   * latter).
   *
   * @throws StaleRegistrationException when it is no longer at {@code expectedVersion} or no longer
   *     {@code REQUEST}
   * @throws IllegalArgumentException for a rejection without a reason (or longer than 2000
   *     characters), or a decision other than {@code APPROVED} / {@code REJECT}
   * @throws java.util.NoSuchElementException when there is no such registration in the realm
   */
  Registration decide(
      RealmModel realm,
      String id,
      long expectedVersion,
      RegistrationStatus decision,
      Optional<String> reason,
      HistoryEntry.Actor actor,
      Optional<String> actorId);

  /** The registration's assignment order: its description and its bytes. */
  Optional<StoredOrder> order(RealmModel realm, String id);

  /** The registration's status changes, oldest first. */
  List<HistoryEntry> history(RealmModel realm, String id);

  /** A page of registrations matching {@code query}, oldest submission first. */
  RegistrationPage search(RealmModel realm, RegistrationQuery query);

  /** How many registrations the realm has in each status, and how many open holder changes. */
  RegistrationCounts counts(RealmModel realm);

  /** Deletes the user's registrations (the user was deleted). */
  void removeAll(RealmModel realm, UserModel user);

  @Override
  default void close() {}
}
