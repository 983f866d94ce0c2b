package th.gfmis.keycloak.it.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import th.gfmis.keycloak.it.support.GfmisServerConfig;
import th.gfmis.keycloak.it.support.Mailbox;
import th.gfmis.keycloak.it.support.ThaidRealmConfig;
import th.gfmis.keycloak.it.support.pages.RegistrationConfirmPage;
import th.gfmis.keycloak.it.support.pages.RegistrationIdentifyPage;
import th.gfmis.keycloak.it.support.pages.RegistrationStatusPage;

/**
 * Bad input to regflow's steps through the real pages: malformed and unknown user IDs, a CID with a
 * wrong check digit, no file, an executable named .pdf (status New with the reason), wrong OTPs and
 * a resend inside the interval.
 */
@KeycloakIntegrationTest(config = GfmisServerConfig.class)
class RegistrationBadInputIT extends AbstractRegistrationIT {

  @Test
  void theFirstPageRefusesEachBadFieldWithItsOwnMessage() {
    steps.open("en");
    steps.identify("T0500", "2345687383519", null, "not-an-address");
    new RegistrationIdentifyPage(pages).assertShown();
    assertTrue(pages.fieldError("userId").contains("correct user ID"), pages.bodyText());
    assertTrue(pages.fieldError("citizenId").contains("correct citizen ID"), pages.bodyText());
    assertTrue(pages.fieldError("email").contains("correct e-mail"), pages.bodyText());
    assertTrue(pages.fieldError("order").contains("attach the assignment order"), pages.bodyText());

    steps.identify(
        "t05005000009999",
        ThaidRealmConfig.WILAI,
        RegistrationSteps.png("order.png"),
        "wilai@demo.gfmis.local");
    new RegistrationIdentifyPage(pages).assertShown();
    assertTrue(pages.message().contains("not in New GFMIS Thai"), pages.bodyText());
    assertEquals("T05005000009999", pages.value("userId"), "the user ID in its GFMIS form");
  }

  @Test
  void anExecutableNamedPdfLeavesTheRegistrationNewWithTheReason() {
    byte[] executable = new byte[2048];
    executable[0] = 'M';
    executable[1] = 'Z';
    steps.open("en");
    steps.identify(
        "T05005000000401",
        "1102000456780",
        RegistrationSteps.file("order.pdf", executable),
        "manee.m@demo.gfmis.local");
    int mails = mailbox.count();
    steps.proveIdentity("1102000456780");
    assertTrue(new RegistrationConfirmPage(pages).order().contains("not a PDF"), pages.bodyText());
    Mailbox.Mail mail = mailbox.awaitMessage(mails + 1);

    // OTP wrong three times: the third locks the code.
    String wrong = mail.otp().equals("000000") ? "111111" : "000000";
    steps.confirm(wrong, "Manee#Pass2026x");
    assertTrue(pages.message().contains("2 attempt"), pages.bodyText());
    steps.confirm(wrong, "Manee#Pass2026x");
    assertTrue(pages.message().contains("1 attempt"), pages.bodyText());
    steps.confirm(wrong, "Manee#Pass2026x");
    assertTrue(pages.message().contains("no longer works"), pages.bodyText());
    steps.confirm(mail.otp(), "Manee#Pass2026x");
    assertTrue(pages.message().contains("no longer works"), "the right code after the lock");

    // A new code inside the resend interval (5 minutes by default) is refused.
    new RegistrationConfirmPage(pages).resend();
    assertTrue(pages.message().contains("can be requested in"), pages.bodyText());
    assertEquals(mails + 1, mailbox.count(), "no second OTP e-mail");
    assertFalse(pages.bodyText().contains("1102000456780"));
  }

  @Test
  void aRefusedFileGivesStatusNewWithTheReason() {
    steps.open("th");
    steps.identify(
        "T05005000000201",
        "1101700123456",
        RegistrationSteps.file("empty.png", new byte[0]),
        "suda.r@demo.gfmis.local");
    int mails = mailbox.count();
    steps.proveIdentity("1101700123456");
    Mailbox.Mail mail = mailbox.awaitMessage(mails + 1);
    steps.confirm(mail.otp(), null);
    assertEquals("NEW", steps.status());
    assertTrue(
        new RegistrationStatusPage(pages).reason().contains("ไฟล์ที่แนบไม่มีข้อมูล"),
        pages.bodyText());
    new RegistrationStatusPage(pages).assertFixOffered();
  }
}
