package th.gfmis.keycloak.softtoken.server.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenCredentialModel;
import th.gfmis.keycloak.softtoken.server.credential.SoftTokenDevices;

/** The decision table of {@link EnrollmentRule}, on in-memory users. */
class EnrollmentRuleTest {

  private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

  /** A user: attributes and Soft Token credentials in maps. */
  private static final class FakeUser {
    final Map<String, List<String>> attributes = new HashMap<>();
    final List<CredentialModel> devices = new ArrayList<>();

    FakeUser withDevice(String serial) {
      CredentialModel device = new CredentialModel();
      device.setType(SoftTokenCredentialModel.TYPE);
      device.setCredentialData("{\"serial\":\"" + serial + "\"}");
      devices.clear();
      devices.add(device);
      attributes
          .computeIfAbsent(SoftTokenDevices.SERIALS_ATTRIBUTE, k -> new ArrayList<>())
          .add(serial);
      return this;
    }

    FakeUser revoked() {
      devices.clear();
      return this;
    }

    UserModel model() {
      SubjectCredentialManager credentials =
          (SubjectCredentialManager)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {SubjectCredentialManager.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("getStoredCredentialsByTypeStream")) {
                      return devices.stream().filter(c -> c.getType().equals(args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                  });
      return (UserModel)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {UserModel.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "credentialManager" -> credentials;
                    case "getAttributeStream" ->
                        attributes.getOrDefault((String) args[0], List.of()).stream();
                    case "getFirstAttribute" ->
                        attributes.getOrDefault((String) args[0], List.of()).stream()
                            .findFirst()
                            .orElse(null);
                    case "setSingleAttribute" -> {
                      attributes.put((String) args[0], new ArrayList<>(List.of((String) args[1])));
                      yield null;
                    }
                    case "removeAttribute" -> {
                      attributes.remove((String) args[0]);
                      yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                  });
    }
  }

  private static AuthenticationSessionModel signIn(String approvedSerial) {
    return (AuthenticationSessionModel)
        Proxy.newProxyInstance(
            EnrollmentRuleTest.class.getClassLoader(),
            new Class<?>[] {AuthenticationSessionModel.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getAuthNote")) {
                return EnrollmentRule.NOTE_APPROVED_SERIAL.equals(args[0]) ? approvedSerial : null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void aHolderWithADeviceNeedsAnApprovalByThatDevice() {
    UserModel holder = new FakeUser().withDevice("aa01").model();
    assertEquals(Optional.empty(), EnrollmentRule.inSignIn(holder, signIn(null), NOW));
    assertEquals(
        Optional.empty(),
        EnrollmentRule.inSignIn(holder, signIn("bb02"), NOW),
        "an approval by another serial does not count");
    Optional<EnrollmentBasis> basis = EnrollmentRule.inSignIn(holder, signIn("aa01"), NOW);
    assertEquals(Optional.of(EnrollmentBasis.softTokenLevel("aa01")), basis);
    assertTrue(EnrollmentRule.stillHolds(holder, basis.get(), NOW));
  }

  @Test
  void aReplacementCodeLapsesWhenTheApprovingDeviceIsGone() {
    FakeUser user = new FakeUser().withDevice("aa01");
    EnrollmentBasis basis = EnrollmentBasis.softTokenLevel("aa01");
    user.revoked();
    assertFalse(EnrollmentRule.stillHolds(user.model(), basis, NOW));
    user.withDevice("cc03");
    assertFalse(EnrollmentRule.stillHolds(user.model(), basis, NOW));
  }

  @Test
  void thePasswordAloneNeverAllowsADeviceNotEvenAFirstOne() {
    FakeUser newcomer = new FakeUser();
    assertEquals(Optional.empty(), EnrollmentRule.inSignIn(newcomer.model(), signIn(null), NOW));
    newcomer.withDevice("aa01").revoked();
    assertEquals(Optional.empty(), EnrollmentRule.inSignIn(newcomer.model(), signIn(null), NOW));
  }

  @Test
  void aGrantIsUsedUpOnlyWhenTheEnrollmentIsRecorded() {
    UserModel user = new FakeUser().model();
    EnrollmentGrant grant =
        EnrollmentGrants.grant(user, new SecureRandom(), NOW, Duration.ofDays(7));
    EnrollmentBasis basis = EnrollmentBasis.grant(grant.id());
    assertTrue(EnrollmentRule.stillHolds(user, basis, NOW));
    assertTrue(
        EnrollmentRule.stillHolds(user, basis, NOW),
        "checking does not use it up: an issuance that fails after the check leaves the grant");
    EnrollmentRule.useUp(user, basis);
    assertFalse(EnrollmentRule.stillHolds(user, basis, NOW));
    assertEquals(Optional.empty(), EnrollmentGrants.stored(user));
  }

  @Test
  void aGrantAllowsOneEnrollmentUntilItExpires() {
    FakeUser lostPhone = new FakeUser().withDevice("aa01").revoked();
    UserModel user = lostPhone.model();
    EnrollmentGrant grant =
        EnrollmentGrants.grant(user, new SecureRandom(), NOW, Duration.ofDays(7));
    Optional<EnrollmentBasis> basis = EnrollmentRule.inSignIn(user, signIn(null), NOW);
    assertEquals(Optional.of(EnrollmentBasis.grant(grant.id())), basis);

    assertTrue(EnrollmentRule.stillHolds(user, basis.get(), NOW.plusSeconds(60)));
    EnrollmentRule.useUp(user, basis.get());
    assertFalse(
        EnrollmentRule.stillHolds(user, basis.get(), NOW.plusSeconds(61)),
        "used up by the first enrollment");
    assertEquals(Optional.empty(), EnrollmentRule.inSignIn(user, signIn(null), NOW));

    EnrollmentGrant late =
        EnrollmentGrants.grant(user, new SecureRandom(), NOW, Duration.ofDays(7));
    assertFalse(
        EnrollmentRule.stillHolds(
            user, EnrollmentBasis.grant(late.id()), NOW.plus(Duration.ofDays(7))),
        "expired");
    EnrollmentGrant replaced =
        EnrollmentGrants.grant(user, new SecureRandom(), NOW, Duration.ofDays(7));
    assertFalse(
        EnrollmentRule.stillHolds(user, EnrollmentBasis.grant(late.id()), NOW),
        "a code issued under an earlier grant does not use a newer one");
    assertTrue(EnrollmentRule.stillHolds(user, EnrollmentBasis.grant(replaced.id()), NOW));
  }

  @Test
  void aGrantSendsAHolderWithALostPhoneToGetCertificateInsteadOfThatPhone() {
    FakeUser holder = new FakeUser().withDevice("aa01");
    assertTrue(EnrollmentRule.approvesOnCurrentDevice(holder.model(), NOW));
    UserModel user = holder.model();
    EnrollmentGrant grant =
        EnrollmentGrants.grant(user, new SecureRandom(), NOW, Duration.ofDays(7));
    assertFalse(EnrollmentRule.approvesOnCurrentDevice(user, NOW), "the lost phone is not asked");
    assertEquals(
        Optional.of(EnrollmentBasis.grant(grant.id())),
        EnrollmentRule.inSignIn(user, signIn(null), NOW));
    assertTrue(
        EnrollmentRule.approvesOnCurrentDevice(user, grant.expiresAt()),
        "once the grant has expired, the current device approves again");
    assertFalse(EnrollmentRule.approvesOnCurrentDevice(new FakeUser().model(), NOW));
  }
}
