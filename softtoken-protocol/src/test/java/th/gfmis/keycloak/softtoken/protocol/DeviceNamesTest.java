package th.gfmis.keycloak.softtoken.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeviceNamesTest {

  @Test
  void ordinaryNamesInThaiAndEnglishAreAccepted() {
    assertTrue(DeviceNames.isAcceptable("Somchai's Pixel 8"));
    assertTrue(DeviceNames.isAcceptable("โทรศัพท์ของสมชาย"));
    assertTrue(DeviceNames.isAcceptable("iPhone ของสุดา (งาน)"));
    assertTrue(DeviceNames.isAcceptable("x".repeat(SoftTokenProtocol.MAX_DEVICE_NAME_LENGTH)));
    // Thai counts by character, not by byte.
    assertTrue(DeviceNames.isAcceptable("ก".repeat(SoftTokenProtocol.MAX_DEVICE_NAME_LENGTH)));
  }

  @Test
  void controlAndInvisibleFormattingCharactersAreRefused() {
    for (String bad :
        new String[] {
          "Phone\u0000", "Phone\u0007", "Line\nbreak", "Tab\there", "\u001b[31mred",
          "Phone\u202Egnp.exe", "\u202Aembed", "\u202Bembed", "\u202Cpop", "\u202Doverride",
          "iso\u2066late", "iso\u2067late", "iso\u2068late", "pop\u2069", "mark\u200E",
          "mark\u200F", "arabic\u061Cmark", "zero\u200Bwidth", "bom\uFEFF", "line\u2028sep",
          "para\u2029sep", "private\uE000use", "lone\uD800surrogate", "\u0085next"
        }) {
      assertFalse(DeviceNames.isAcceptable(bad), bad);
    }
  }

  @Test
  void emptyBlankAndOverLongNamesAreRefused() {
    assertFalse(DeviceNames.isAcceptable(null));
    assertFalse(DeviceNames.isAcceptable(""));
    assertFalse(DeviceNames.isAcceptable("   "));
    assertFalse(DeviceNames.isAcceptable("x".repeat(SoftTokenProtocol.MAX_DEVICE_NAME_LENGTH + 1)));
  }

  @Test
  void theEnrollmentRequestAppliesTheRule() {
    String code = "A".repeat(43);
    TestSupport.assertRefused(
        SoftTokenError.INVALID_REQUEST,
        () -> new EnrollmentRequest(code, "Y3Ny", "Phone\u202Egnp").validate());
  }
}
