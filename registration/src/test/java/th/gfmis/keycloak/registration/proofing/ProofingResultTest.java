package th.gfmis.keycloak.registration.proofing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;
import th.gfmis.keycloak.core.citizenid.CitizenIdStore;
import th.gfmis.keycloak.domain.CitizenId;
import th.gfmis.keycloak.registration.FakeAuthSession;
import th.gfmis.keycloak.registration.RegistrationKind;
import th.gfmis.keycloak.registration.RegistrationNotes;

class ProofingResultTest {

  private static final CitizenId SOMCHAI = CitizenId.parse("2-3456-87383-51-8").orElseThrow();
  private static final CitizenId SUDA = CitizenId.parse("1101700123456").orElseThrow();

  private final FakeStore store = new FakeStore();
  private final FakeAuthSession authSession = new FakeAuthSession("tab", "client");

  ProofingResultTest() {
    authSession.user = fakeUser();
  }

  private static ProofingOutcome proven(CitizenId cid) {
    return new ProofingOutcome.Proven(
        new ProvenIdentity(cid, "สมชาย ใจดี", Optional.of("Somchai Jaidee"), "2.3"));
  }

  private ProofingResult record(ProofingOutcome outcome) {
    return ProofingResult.record(authSession.model(), store, outcome);
  }

  @Test
  void theEnteredCidProvenMakesANewHolderWhenNoneIsBound() {
    authSession.notes.put(RegistrationNotes.ENTERED_CID_HASH, store.hashOf(SOMCHAI));
    assertEquals(ProofingResult.PROVEN, record(proven(SOMCHAI)));
    assertEquals("สมชาย ใจดี", authSession.notes.get(RegistrationNotes.PROVEN_NAME_TH));
    assertEquals("Somchai Jaidee", authSession.notes.get(RegistrationNotes.PROVEN_NAME_EN));
    assertEquals("2.3", authSession.notes.get(RegistrationNotes.PROVEN_IAL));
    assertEquals("NEW_HOLDER", authSession.notes.get(RegistrationNotes.KIND));
    assertEquals(Optional.of(ProofingResult.PROVEN), ProofingResult.take(authSession.model()));
    assertEquals(Optional.empty(), ProofingResult.take(authSession.model()), "read once");
  }

  @Test
  void someoneElsesPidIsRefusedAndWritesNoProof() {
    authSession.notes.put(RegistrationNotes.ENTERED_CID_HASH, store.hashOf(SOMCHAI));
    assertEquals(ProofingResult.OTHER_PERSON, record(proven(SUDA)));
    assertNull(authSession.notes.get(RegistrationNotes.PROVEN_NAME_TH));
    assertNull(authSession.notes.get(RegistrationNotes.KIND));
  }

  @Test
  void noNoteHoldsTheProvenCid() {
    authSession.notes.put(RegistrationNotes.ENTERED_CID_HASH, store.hashOf(SOMCHAI));
    record(proven(SOMCHAI));
    assertFalse(authSession.notes.values().stream().anyMatch(v -> v.contains(SOMCHAI.digits())));
  }

  @Test
  void withoutTheFirstStepsNoteNothingIsProven() {
    assertEquals(ProofingResult.FAILED, record(proven(SOMCHAI)));
  }

  @Test
  void theBoundCidMakesANewDeviceAnotherOneAHolderChange() {
    assertEquals(RegistrationKind.NEW_HOLDER, ProofingResult.kindOf(false, () -> true));
    assertEquals(RegistrationKind.NEW_DEVICE, ProofingResult.kindOf(true, () -> true));
    assertEquals(RegistrationKind.HOLDER_CHANGE, ProofingResult.kindOf(true, () -> false));

    store.bound = SUDA;
    authSession.notes.put(RegistrationNotes.ENTERED_CID_HASH, store.hashOf(SOMCHAI));
    record(proven(SOMCHAI));
    assertEquals("HOLDER_CHANGE", authSession.notes.get(RegistrationNotes.KIND));
    store.bound = SOMCHAI;
    record(proven(SOMCHAI));
    assertEquals("NEW_DEVICE", authSession.notes.get(RegistrationNotes.KIND));
  }

  @Test
  void cancelAndFailureAreKeptButNeverHideAnUnreadProof() {
    assertEquals(ProofingResult.CANCELLED, record(new ProofingOutcome.Cancelled()));
    assertEquals(ProofingResult.FAILED, record(new ProofingOutcome.Failed("id_token")));
    assertEquals(Optional.of(ProofingResult.FAILED), ProofingResult.take(authSession.model()));

    authSession.notes.put(RegistrationNotes.ENTERED_CID_HASH, store.hashOf(SOMCHAI));
    record(proven(SOMCHAI));
    ProofingResult.INVALID_STATE.keep(authSession.model());
    assertEquals(Optional.of(ProofingResult.PROVEN), ProofingResult.take(authSession.model()));
  }

  @Test
  void everyResultHasAMessage() {
    for (ProofingResult result : ProofingResult.values()) {
      assertTrue(ProveIdentityAuthenticator.message(result).startsWith("gfmisProofing"));
    }
  }

  private static UserModel fakeUser() {
    return (UserModel)
        Proxy.newProxyInstance(
            ProofingResultTest.class.getClassLoader(),
            new Class<?>[] {UserModel.class},
            (proxy, method, args) -> {
              throw new UnsupportedOperationException(method.getName());
            });
  }

  /** Hashes by reversing the digits; a CID may be bound to the one user. */
  private static final class FakeStore implements CitizenIdStore {
    CitizenId bound;
    final Map<String, String> unused = new HashMap<>();

    @Override
    public boolean available() {
      return true;
    }

    @Override
    public void store(UserModel user, CitizenId citizenId) {
      bound = citizenId;
    }

    @Override
    public boolean matches(UserModel user, CitizenId citizenId) {
      return citizenId.equals(bound);
    }

    @Override
    public String hashOf(CitizenId citizenId) {
      return "k:" + new StringBuilder(citizenId.digits()).reverse();
    }

    @Override
    public boolean hashMatches(String hashed, CitizenId citizenId) {
      return hashOf(citizenId).equals(hashed);
    }

    @Override
    public void storeHashed(UserModel user, String hashed, String lastFour) {}

    @Override
    public Optional<String> lastFour(UserModel user) {
      return Optional.ofNullable(bound).map(CitizenId::lastFour);
    }

    @Override
    public Optional<String> hashKeyId(UserModel user) {
      return Optional.empty();
    }

    @Override
    public Optional<String> currentKeyId() {
      return Optional.of("k");
    }

    @Override
    public void remove(UserModel user) {}
  }
}
