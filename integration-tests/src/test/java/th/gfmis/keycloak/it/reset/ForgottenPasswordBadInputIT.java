package th.gfmis.keycloak.it.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Holder;
import th.gfmis.keycloak.it.support.Mailbox;
import th.gfmis.keycloak.it.support.pages.ResetConfirmedPage;
import th.gfmis.keycloak.it.support.pages.ResetOtpPage;

/**
 * Bad input on the forgotten-password pages (R-F2, R-F3): each case gets a clear message in the
 * holder's language, keeps what was typed, and sends nothing. Settings are the realm export's
 * defaults (3 wrong OTPs, 60 minutes between OTP e-mails, 5 misses per user ID).
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class ForgottenPasswordBadInputIT extends AbstractResetFlowIT {

  @Test
  void everyMalformedFieldGetsItsOwnMessageAndKeepsWhatWasTyped() {
    steps.openForm("th");
    pages.submitIdentity("T0500500000010", "2-3456-87383-51-1", "testuam.enh13@");

    assertEquals("กรุณากรอกรหัสผู้ใช้งานให้ถูกต้อง", thaiPrefix(pages.fieldError("userId")));
    assertEquals(
        "กรุณากรอกเลขบัตรประจำตัวประชาชนให้ถูกต้อง", thaiPrefix(pages.fieldError("citizenId")));
    assertEquals("กรุณากรอกอีเมลให้ถูกต้อง", pages.fieldError("email"));
    assertEquals("T0500500000010", pages.value("userId"));
    assertEquals("2-3456-87383-51-1", pages.value("citizenId"));
    assertEquals("testuam.enh13@", pages.value("email"));
    assertEquals(0, mailbox.count());
  }

  @Test
  void theSourcesRejectedCitizenIdIsRefusedWhileTheOtherFieldsPass() {
    steps.openForm("th");
    pages.submitIdentity("T05005000000201", "1234567890123", "testuam.enh@gmail.com");

    assertTrue(pages.fieldError("userId").isEmpty());
    assertFalse(pages.fieldError("citizenId").isEmpty());
    assertTrue(pages.fieldError("email").isEmpty());
  }

  @Test
  void aWellFormedTripleThatMatchesNobodySaysNoRegisteredData() {
    steps.openForm("th");
    Holder somchai = Holder.SOMCHAI;
    pages.submitIdentity(somchai.userId(), somchai.citizenId(), "someone.else@demo.gfmis.local");
    assertEquals("ไม่พบข้อมูลที่ลงทะเบียนไว้ในระบบ กรุณาระบุข้อมูลใหม่อีกครั้ง", pages.message());

    // Suda's CID with Somchai's user ID and e-mail: only the full triple matches.
    pages.submitIdentity(somchai.userId(), Holder.SUDA.citizenId(), somchai.email());
    assertEquals("ไม่พบข้อมูลที่ลงทะเบียนไว้ในระบบ กรุณาระบุข้อมูลใหม่อีกครั้ง", pages.message());
    assertEquals(0, mailbox.count());
  }

  @Test
  void veryLongNonAsciiAndMarkupInputIsRefusedCleanly() {
    steps.openForm("th");
    pages.submitIdentity("ท".repeat(3000), "๒๓๔๕๖๘๗๓๘๓๕๑๘", "<script>alert(1)</script>@x.th");

    assertFalse(pages.fieldError("userId").isEmpty());
    assertFalse(pages.fieldError("citizenId").isEmpty());
    assertFalse(pages.fieldError("email").isEmpty());
    assertFalse(pages.pageSource().contains("<script>alert(1)</script>"), "input is escaped");
    assertEquals(254, pages.value("userId").length(), "over-long input is cut, not echoed whole");
  }

  @Test
  void repeatedMissesForOneUserIdAreThrottledEvenWithTheRightData() throws Exception {
    Holder holder = holders.create("th");
    steps.openForm("th");
    for (int miss = 0; miss < 5; miss++) {
      pages.submitIdentity(
          holder.userId(), holder.citizenId(), "wrong" + miss + "@demo.gfmis.local");
      assertTrue(pages.message().startsWith("ไม่พบข้อมูล"), pages.message());
    }
    steps.identify(holder);
    assertTrue(pages.message().contains("กรุณาลองใหม่ในอีก"), pages.message());
    assertEquals(0, mailbox.count());
  }

  @Test
  void wrongOtpsLockTheCodeAfterThreeTries() throws Exception {
    Holder holder = holders.create("th");
    steps.openForm("th");
    steps.requestOtp(holder);
    String otp = mailbox.awaitMessage(1).otp();
    String wrong = otp.equals("000000") ? "111111" : "000000";

    pages.submitOtp(wrong);
    assertTrue(pages.message().contains("เหลืออีก 2 ครั้ง"), pages.message());
    pages.submitOtp("12ab");
    assertTrue(pages.message().contains("เหลืออีก 1 ครั้ง"), pages.message());
    pages.submitOtp(wrong);
    assertTrue(pages.message().contains("ใช้ไม่ได้แล้ว"), pages.message());
    pages.submitOtp(otp);
    assertTrue(pages.message().contains("ใช้ไม่ได้แล้ว"), "the right code no longer opens it");
    assertFalse(new ResetConfirmedPage(pages).isShown());
  }

  @Test
  void aNewOtpDuringTheResendIntervalIsRefusedWithTheTimeLeft() throws Exception {
    Holder holder = holders.create("th");
    steps.openForm("th");
    steps.requestOtp(holder);
    mailbox.awaitMessage(1);

    new ResetOtpPage(pages).resend();
    assertTrue(pages.message().contains("ในอีก 60 นาที"), pages.message());

    // Not from a new browser session either: the interval belongs to the user.
    steps.openForm("th");
    steps.identify(holder);
    new ResetOtpPage(pages).awaitResend();
    assertTrue(pages.message().contains("นาที"), pages.message());
    assertFalse(pages.isShown("otp"), "no code to enter in this session");
    Thread.sleep(1000);
    assertEquals(1, mailbox.count());
  }

  @Test
  void englishHoldersGetEnglishPagesAndMail() throws Exception {
    steps.openForm("en");
    pages.submitIdentity("X1", "1", "x");
    assertTrue(pages.fieldError("userId").startsWith("Please enter a correct user ID"));

    Holder anan = Holder.ANAN;
    String reference = steps.requestOtp(anan);
    Mailbox.Mail mail = mailbox.awaitMessage(1);
    assertEquals("New GFMIS Thai: OTP for a new password (ref. " + reference + ")", mail.subject());
    assertTrue(mail.text().contains("Never give this code to anyone"), mail.text());
  }

  /** The Thai part of a message that adds an explanation in brackets. */
  private static String thaiPrefix(String message) {
    int bracket = message.indexOf(" (");
    return bracket < 0 ? message : message.substring(0, bracket);
  }
}
