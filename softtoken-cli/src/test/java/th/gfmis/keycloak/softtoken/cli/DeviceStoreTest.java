package th.gfmis.keycloak.softtoken.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import th.gfmis.keycloak.softtoken.protocol.Certificates;
import th.gfmis.keycloak.softtoken.protocol.DeviceKeys;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenCa;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocol;

class DeviceStoreTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path dir;

  private static DeviceStore.Contents contents() throws Exception {
    KeyPair ca = DeviceKeys.generate(RANDOM);
    X509Certificate caCert =
        SoftTokenCa.createCaCertificate(
            ca, "CN=CA", Instant.now(), SoftTokenProtocol.DEFAULT_CA_CERTIFICATE_LIFETIME, RANDOM);
    KeyPair device = DeviceKeys.generate(RANDOM);
    X509Certificate cert =
        SoftTokenCa.issueDeviceCertificate(
            ca.getPrivate(),
            caCert,
            device.getPublic(),
            "T05005000000101",
            Instant.now(),
            SoftTokenProtocol.DEFAULT_DEVICE_CERTIFICATE_LIFETIME,
            RANDOM);
    return new DeviceStore.Contents(
        new DeviceStore.Metadata(
            DeviceStore.FORMAT,
            "https://sso.example",
            "gfmis",
            "T05005000000101",
            Certificates.serialHex(cert),
            "Test phone"),
        device.getPrivate(),
        List.of(cert, caCert));
  }

  @Test
  void roundTrip() throws Exception {
    DeviceStore.Contents saved = contents();
    Path store = dir.resolve("device.p12");
    // A PIN that cannot turn up by chance in the sidecar's serial numbers, times or Base64.
    String pin = "pin-never-in-sidecar";
    DeviceStore.save(store, pin.toCharArray(), saved);
    assertTrue(Files.isRegularFile(store));
    assertTrue(Files.isRegularFile(dir.resolve("device.p12.json")));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store)));

    DeviceStore.Contents loaded = DeviceStore.load(store, pin.toCharArray());
    assertEquals(saved.metadata(), loaded.metadata());
    assertEquals(saved.chain(), loaded.chain());
    assertArrayEquals(saved.privateKey().getEncoded(), loaded.privateKey().getEncoded());
    // The loaded key still signs for the certificate's public key.
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(loaded.privateKey());
    s.update(new byte[] {1, 2, 3});
    byte[] sig = s.sign();
    s.initVerify(loaded.chain().get(0).getPublicKey());
    s.update(new byte[] {1, 2, 3});
    assertTrue(s.verify(sig));
    // No secret in the sidecar.
    String sidecar = Files.readString(DeviceStore.sidecar(store));
    assertTrue(sidecar.contains("\"server\":\"https://sso.example\""), sidecar);
    assertFalse(sidecar.contains(pin));
  }

  @Test
  void wrongPinIsAStoreError() throws Exception {
    Path store = dir.resolve("device.p12");
    DeviceStore.save(store, "1234".toCharArray(), contents());
    SoftTokenClientException e =
        assertThrows(
            SoftTokenClientException.class, () -> DeviceStore.load(store, "4321".toCharArray()));
    assertEquals(SoftTokenClientException.STORE_ERROR, e.error());
  }

  @Test
  void missingOrMismatchedFilesAreStoreErrors() throws Exception {
    Path store = dir.resolve("device.p12");
    SoftTokenClientException missing =
        assertThrows(
            SoftTokenClientException.class, () -> DeviceStore.load(store, "1234".toCharArray()));
    assertEquals(SoftTokenClientException.STORE_ERROR, missing.error());

    DeviceStore.save(store, "1234".toCharArray(), contents());
    Path other = dir.resolve("other.p12");
    DeviceStore.save(other, "1234".toCharArray(), contents());
    Files.copy(
        DeviceStore.sidecar(other),
        DeviceStore.sidecar(store),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    SoftTokenClientException mismatch =
        assertThrows(
            SoftTokenClientException.class, () -> DeviceStore.load(store, "1234".toCharArray()));
    assertEquals(SoftTokenClientException.STORE_ERROR, mismatch.error());

    Files.delete(DeviceStore.sidecar(store));
    assertThrows(
        SoftTokenClientException.class, () -> DeviceStore.load(store, "1234".toCharArray()));
    DeviceStore.delete(other);
    assertFalse(Files.exists(other));
    assertFalse(Files.exists(DeviceStore.sidecar(other)));
  }
}
