package th.gfmis.keycloak.registration.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OrderFilenamesTest {

  @Test
  void directoriesAreDropped() {
    assertEquals(
        "passwd.pdf", OrderFilenames.forDisplay("../../etc/passwd.pdf", OrderFileType.PDF));
    assertEquals(
        "order.pdf", OrderFilenames.forDisplay("C:\\Users\\somchai\\order.pdf", OrderFileType.PDF));
  }

  @Test
  void thaiNamesAreKept() {
    assertEquals(
        "คำสั่งมอบหมาย ฉบับที่ 1.pdf",
        OrderFilenames.forDisplay("คำสั่งมอบหมาย ฉบับที่ 1.pdf", OrderFileType.PDF));
  }

  @Test
  void controlAndDirectionCharactersAreRemoved() {
    assertEquals(
        "order\u202Efdp.exe.pdf".replace("\u202E", ""),
        OrderFilenames.forDisplay("order\u202Efdp.exe.pdf", OrderFileType.PDF));
    assertEquals("ab.png", OrderFilenames.forDisplay("a\u0000b\n.png", OrderFileType.PNG));
  }

  @Test
  void longNamesAreShortenedKeepingTheExtension() {
    String name = "ก".repeat(500) + ".pdf";
    String shown = OrderFilenames.forDisplay(name, OrderFileType.PDF);
    assertEquals(OrderFilenames.MAX_LENGTH, shown.codePointCount(0, shown.length()));
    assertTrue(shown.endsWith("….pdf"), shown);
  }

  @Test
  void aMissingOrHiddenNameGetsAPlainOne() {
    assertEquals("order.pdf", OrderFilenames.forDisplay("", OrderFileType.PDF));
    assertEquals("order.pdf", OrderFilenames.forDisplay(null, OrderFileType.PDF));
    assertEquals("pdf.pdf", OrderFilenames.forDisplay(".pdf", OrderFileType.PDF));
    assertEquals("scan.jpg", OrderFilenames.forDisplay("scan", OrderFileType.JPEG));
  }
}
