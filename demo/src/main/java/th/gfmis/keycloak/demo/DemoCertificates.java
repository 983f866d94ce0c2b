package th.gfmis.keycloak.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo's HTTPS certificates, made on this machine with the JDK's {@code keytool} (nothing is
 * downloaded): a local CA, kept between runs so that a phone trusts it once, and a server
 * certificate signed by it for the computer's address on the local network, made at every start.
 *
 * <p>Files in {@code dir}: {@code gfmis-demo-ca.crt} (the certificate a phone installs), {@code
 * ca.p12} (the CA key), {@code server.p12} (Keycloak's key store), {@code truststore.p12} (for the
 * launcher's own calls) and {@code password} (random, readable by the owner only).
 *
 * @param dir where the files are
 * @param serverKeyStore Keycloak's PKCS#12 key store (server key and chain)
 * @param trustStore the CA certificate as a PKCS#12 trust store
 * @param caCertificate the CA certificate in PEM, to install on a phone
 * @param password the password of the three stores
 */
record DemoCertificates(
    Path dir, Path serverKeyStore, Path trustStore, Path caCertificate, String password) {

  static final String CA_FILE = "gfmis-demo-ca.crt";

  private static final List<String> KEYTOOL_JVM =
      List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC");

  /**
   * Makes the CA if there is none in {@code dir}, and a new server certificate for {@code host}.
   */
  static DemoCertificates ensure(Path dir, String host) throws IOException {
    Files.createDirectories(dir);
    Path passwordFile = dir.resolve("password");
    Path ca = dir.resolve("ca.p12");
    Path caCert = dir.resolve(CA_FILE);
    if (!Files.exists(passwordFile) || !Files.exists(ca) || !Files.exists(caCert)) {
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      Files.deleteIfExists(ca);
      writeOwnerOnly(passwordFile, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }
    String password = Files.readString(passwordFile, StandardCharsets.US_ASCII).strip();
    if (!Files.exists(ca)) {
      keytool(
          "-genkeypair",
          "-alias",
          "ca",
          "-keyalg",
          "EC",
          "-groupname",
          "secp256r1",
          "-dname",
          "CN=GFMIS demo CA (this computer only)",
          "-validity",
          "825",
          "-ext",
          "bc:c=ca:true,pathlen:0",
          "-ext",
          "ku:c=keyCertSign,cRLSign",
          "-keystore",
          ca.toString(),
          "-storetype",
          "PKCS12",
          "-storepass",
          password);
      keytool(
          "-exportcert",
          "-rfc",
          "-alias",
          "ca",
          "-keystore",
          ca.toString(),
          "-storepass",
          password,
          "-file",
          caCert.toString());
    }
    Path server = dir.resolve("server.p12");
    Path trust = dir.resolve("truststore.p12");
    Path csr = dir.resolve("server.csr");
    Path signed = dir.resolve("server.crt");
    for (Path old : List.of(server, trust, csr, signed)) {
      Files.deleteIfExists(old);
    }
    keytool(
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + host,
        "-validity",
        "397",
        "-keystore",
        server.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        password);
    keytool(
        "-certreq",
        "-alias",
        "server",
        "-keystore",
        server.toString(),
        "-storepass",
        password,
        "-file",
        csr.toString());
    keytool(
        "-gencert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        ca.toString(),
        "-storepass",
        password,
        "-infile",
        csr.toString(),
        "-outfile",
        signed.toString(),
        "-validity",
        "397",
        "-ext",
        "san=" + subjectAlternativeNames(host),
        "-ext",
        "eku=serverAuth",
        "-ext",
        "ku:c=digitalSignature");
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "ca",
        "-file",
        caCert.toString(),
        "-keystore",
        server.toString(),
        "-storepass",
        password);
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "server",
        "-file",
        signed.toString(),
        "-keystore",
        server.toString(),
        "-storepass",
        password);
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "ca",
        "-file",
        caCert.toString(),
        "-keystore",
        trust.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        password);
    Files.deleteIfExists(csr);
    return new DemoCertificates(dir, server, trust, caCert, password);
  }

  /** The names the server certificate is valid for: the address, localhost and loopback. */
  static String subjectAlternativeNames(String host) {
    List<String> names = new ArrayList<>();
    names.add(isIpAddress(host) ? "ip:" + host : "dns:" + host);
    if (!"localhost".equals(host)) {
      names.add("dns:localhost");
    }
    if (!"127.0.0.1".equals(host)) {
      names.add("ip:127.0.0.1");
    }
    return String.join(",", names);
  }

  static boolean isIpAddress(String host) {
    return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
  }

  private static void writeOwnerOnly(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): the user's profile protects it.
    }
    Files.writeString(file, text, StandardCharsets.US_ASCII);
  }

  private static void keytool(String... args) throws IOException {
    Path keytool =
        Path.of(
            System.getProperty("java.home"),
            "bin",
            System.getProperty("os.name").startsWith("Windows") ? "keytool.exe" : "keytool");
    List<String> command = new ArrayList<>();
    command.add(keytool.toString());
    // Each call is a short-lived JVM: no optimising compiler, the smallest collector (starts
    // faster).
    command.addAll(KEYTOOL_JVM);
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new DemoException("keytool " + args[0] + " failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoException("interrupted while making the HTTPS certificate", e);
    }
  }
}
