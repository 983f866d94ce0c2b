package th.gfmis.keycloak.registration.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import th.gfmis.keycloak.registration.OrderFile;
import th.gfmis.keycloak.registration.RegistrationKind;
import th.gfmis.keycloak.registration.RegistrationStatus;
import th.gfmis.keycloak.registration.Submission;

class RegistrationRulesTest {

  private static Submission submission(Submission.OrderAttachment order) {
    return new Submission(
        RegistrationKind.NEW_HOLDER,
        "k1:hash",
        "3518",
        "สมชาย ใจดี",
        Optional.of("Somchai Jaidee"),
        "2.3",
        Optional.of("somchai@example.org"),
        order);
  }

  @Test
  void aRefusedFileLeavesTheRegistrationNewAndAnAttachedOneSubmitsIt() {
    assertEquals(
        RegistrationStatus.NEW,
        RegistrationRules.statusOf(submission(new Submission.Refused("gfmisOrderTooLarge"))));
    assertEquals(
        RegistrationStatus.REQUEST,
        RegistrationRules.statusOf(
            submission(
                new Submission.Attached(
                    new OrderFile("order.pdf", "application/pdf", 3, "ab"), new byte[3]))));
  }

  @Test
  void onlyNewAndRejectedRegistrationsCanBeFixed() {
    assertEquals(
        java.util.EnumSet.of(RegistrationStatus.NEW, RegistrationStatus.REJECT),
        RegistrationRules.resubmittable());
  }

  @Test
  void aRejectionNeedsAReasonAndAnApprovalKeepsNone() {
    assertEquals(
        Optional.empty(),
        RegistrationRules.checkDecision(RegistrationStatus.APPROVED, Optional.of("ignored")));
    assertEquals(
        Optional.of("คำสั่งไม่ชัด"),
        RegistrationRules.checkDecision(RegistrationStatus.REJECT, Optional.of("  คำสั่งไม่ชัด ")));
    assertThrows(
        IllegalArgumentException.class,
        () -> RegistrationRules.checkDecision(RegistrationStatus.REJECT, Optional.of("   ")));
    assertThrows(
        IllegalArgumentException.class,
        () -> RegistrationRules.checkDecision(RegistrationStatus.REJECT, Optional.empty()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            RegistrationRules.checkDecision(
                RegistrationStatus.REJECT, Optional.of("x".repeat(2001))));
    assertThrows(
        IllegalArgumentException.class,
        () -> RegistrationRules.checkDecision(RegistrationStatus.REQUEST, Optional.empty()));
  }

  @Test
  void theOpenColumnHoldsTheUserOnlyWhileTheRegistrationIsOpen() {
    assertEquals("u1", RegistrationRules.openUserId(RegistrationStatus.NEW, "u1"));
    assertEquals("u1", RegistrationRules.openUserId(RegistrationStatus.REQUEST, "u1"));
    assertEquals("u1", RegistrationRules.openUserId(RegistrationStatus.REJECT, "u1"));
    assertNull(RegistrationRules.openUserId(RegistrationStatus.APPROVED, "u1"));
  }

  @Test
  void aUserIdPrefixMatchesCaseInsensitivelyAndLiterally() {
    assertEquals("t05005%", RegistrationRules.prefixPattern(" T05005 "));
    assertEquals("a!%b!_c!!%", RegistrationRules.prefixPattern("a%b_c!"));
  }

  @Test
  void onlyFourDigitsCanBeTheLastFourOfACid() {
    assertTrue(RegistrationRules.isLastFour("3518"));
    assertTrue(RegistrationRules.isLastFour(" 3518 "));
    assertFalse(RegistrationRules.isLastFour("351"));
    assertFalse(RegistrationRules.isLastFour("T050"));
    assertFalse(RegistrationRules.isLastFour("35180"));
  }
}
