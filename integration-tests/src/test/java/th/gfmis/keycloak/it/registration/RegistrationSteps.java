package th.gfmis.keycloak.it.registration;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import th.gfmis.keycloak.it.support.GfmisClient;
import th.gfmis.keycloak.it.support.Pages;
import th.gfmis.keycloak.it.support.ThaidRealmConfig;
import th.gfmis.keycloak.it.support.pages.ProofingPage;
import th.gfmis.keycloak.it.support.pages.RegistrationConfirmPage;
import th.gfmis.keycloak.it.support.pages.RegistrationIdentifyPage;
import th.gfmis.keycloak.it.support.pages.RegistrationStatusPage;

/** The registration pages, step by step: from the login page's "Register" to the status page. */
final class RegistrationSteps {

  private final Pages pages;
  private final String realmUrl;
  private final RegistrationIdentifyPage identifyPage;
  private final ProofingPage proofingPage;
  private final RegistrationConfirmPage confirmPage;
  private final RegistrationStatusPage statusPage;

  RegistrationSteps(Pages pages, String realmUrl) {
    this.pages = pages;
    this.realmUrl = realmUrl;
    this.identifyPage = new RegistrationIdentifyPage(pages);
    this.proofingPage = new ProofingPage(pages);
    this.confirmPage = new RegistrationConfirmPage(pages);
    this.statusPage = new RegistrationStatusPage(pages);
  }

  /**
   * A fresh browser session on the registration's first page, through the OpenID Connect
   * registration endpoint (the login page's "Register" link leads to the same page).
   */
  GfmisClient open(String locale) {
    forgetTheStandInsSession();
    GfmisClient client = new GfmisClient(realmUrl);
    pages.open(
        client
            .authorizationUrl(locale)
            .replace("/protocol/openid-connect/auth?", "/protocol/openid-connect/registrations?"));
    identifyPage.await();
    return client;
  }

  /**
   * Ends any session at the ThaID stand-in (whose cookies have the stand-in realm's path), as if on
   * a fresh phone: otherwise the stand-in asks the person signed in earlier for their password
   * only.
   */
  void forgetTheStandInsSession() {
    String standIn = realmUrl.substring(0, realmUrl.lastIndexOf('/') + 1) + ThaidRealmConfig.REALM;
    pages.driver().navigate().to(standIn + "/.well-known/openid-configuration");
    pages.driver().manage().deleteAllCookies();
  }

  /** Fills in the first page and presses "Next"; {@code order} may be null (no file chosen). */
  void identify(String userId, String citizenId, Path order, String email) {
    pages.type("userId", userId);
    pages.type("citizenId", citizenId);
    if (order != null) {
      identifyPage.chooseOrder(order);
    }
    pages.type("email", email);
    identifyPage.next();
  }

  /**
   * Proves identity at the ThaID stand-in as {@code pid}, back to the confirm page. Nobody may be
   * signed in at the stand-in ({@link #open} and {@link #forgetTheStandInsSession} see to that).
   */
  void proveIdentity(String pid) {
    proofingPage.await();
    proofingPage.start();
    pages.signIn(pid, ThaidRealmConfig.PASSWORD);
    confirmPage.await();
  }

  /** Enters the OTP (and a new holder's password, when not null) and presses "Confirm". */
  void confirm(String otp, String password) {
    typeConfirm(otp, password);
    confirmPage.submit();
  }

  /** Enters the OTP (and a new holder's password, when not null) without pressing "Confirm". */
  void typeConfirm(String otp, String password) {
    confirmPage.type(otp, password);
  }

  /** The status the status page shows (NEW, REQUEST, REJECT, APPROVED). */
  String status() {
    return statusPage.awaitStatus();
  }

  /** A small real PNG (an assignment order's scan) in a temporary file named {@code name}. */
  static Path png(String name) {
    return file(name, pngBytes());
  }

  /** The bytes of a small real PNG. */
  static byte[] pngBytes() {
    try {
      BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
      image.setRGB(3, 4, 0xFFFFFF);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A small real PDF (an assignment order) in a temporary file named {@code name}. */
  static Path pdf(String name) {
    return file(name, pdfBytes());
  }

  /** The bytes of a one-page PDF with nothing active in it, its cross-reference table exact. */
  static byte[] pdfBytes() {
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] >>"
    };
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    StringBuilder xref = new StringBuilder("xref\n0 4\n0000000000 65535 f \n");
    for (int i = 0; i < objects.length; i++) {
      xref.append(String.format(Locale.ROOT, "%010d 00000 n \n", pdf.length()));
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    int start = pdf.length();
    pdf.append(xref)
        .append("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n")
        .append(start)
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** A temporary file named {@code name} with exactly {@code content}. */
  static Path file(String name, byte[] content) {
    try {
      Path file = Files.createTempDirectory("gfmis-order").resolve(name);
      Files.write(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
