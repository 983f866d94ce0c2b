package th.gfmis.keycloak.softtoken.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import th.gfmis.keycloak.softtoken.protocol.Certificates;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenJson;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;

/**
 * The device's persistent state, in two files:
 *
 * <ul>
 *   <li>{@code <store>} (e.g. {@code device.p12}): a PKCS#12 key store protected by the PIN, with
 *       one private-key entry, alias {@value #ALIAS}: the P-256 private key and the certificate
 *       chain (device certificate first, then the CA certificates);
 *   <li>{@code <store>.json} (e.g. {@code device.p12.json}): a sidecar with what is not secret and
 *       not in the certificate: the server base URL, realm, username, serial and device name.
 * </ul>
 */
public final class DeviceStore {

  /** Alias of the key entry in the PKCS#12 file. */
  public static final String ALIAS = "gfmis-softtoken";

  /** Format tag of the sidecar. */
  public static final String FORMAT = "gfmis-softtoken-store/1";

  private DeviceStore() {}

  /**
   * The sidecar's content.
   *
   * @param format always {@value #FORMAT}
   * @param server the Keycloak base URL
   * @param realm the realm
   * @param username the GFMIS user ID
   * @param serialNumber the device certificate serial (lowercase hex)
   * @param deviceName the device name the server recorded
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Metadata(
      String format,
      String server,
      String realm,
      String username,
      String serialNumber,
      String deviceName) {}

  /**
   * What a store holds.
   *
   * @param metadata the sidecar
   * @param privateKey the device key
   * @param chain device certificate first, then the CA chain
   */
  public record Contents(Metadata metadata, PrivateKey privateKey, List<X509Certificate> chain) {}

  /**
   * The sidecar's path: the store's path plus {@code .json}.
   *
   * @param store the PKCS#12 path
   * @return the sidecar path
   */
  public static Path sidecar(Path store) {
    return store.resolveSibling(store.getFileName().toString() + ".json");
  }

  /**
   * Writes both files (each via a temporary file and a rename; owner-only permissions where the
   * file system has POSIX permissions).
   *
   * @param store the PKCS#12 path
   * @param pin the PIN protecting the key store
   * @param contents what to store
   * @throws SoftTokenClientException {@code store_error}
   */
  public static void save(Path store, char[] pin, Contents contents)
      throws SoftTokenClientException {
    if (pin == null || pin.length == 0) {
      throw SoftTokenClientException.local(SoftTokenClientException.STORE_ERROR, "Empty PIN.");
    }
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry(
          ALIAS, contents.privateKey(), pin, contents.chain().toArray(new Certificate[0]));
      Path dir = store.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      writeAtomically(
          store,
          out -> {
            try {
              keyStore.store(out, pin);
            } catch (GeneralSecurityException e) {
              throw new IOException(e);
            }
          });
      byte[] json = SoftTokenJson.writeBytes(contents.metadata());
      writeAtomically(sidecar(store), out -> out.write(json));
    } catch (IOException | GeneralSecurityException e) {
      throw new SoftTokenClientException(
          SoftTokenClientException.STORE_ERROR, "Cannot write the store " + store + ".", e);
    }
  }

  /**
   * Reads both files.
   *
   * @param store the PKCS#12 path
   * @param pin the PIN
   * @return the contents
   * @throws SoftTokenClientException {@code store_error} (missing file, wrong PIN, damage)
   */
  public static Contents load(Path store, char[] pin) throws SoftTokenClientException {
    if (!Files.isRegularFile(store)) {
      throw SoftTokenClientException.local(
          SoftTokenClientException.STORE_ERROR, "No store at " + store + ".");
    }
    Metadata metadata;
    try {
      metadata = SoftTokenJson.read(Files.readAllBytes(sidecar(store)), Metadata.class);
    } catch (IOException | SoftTokenProtocolException e) {
      throw new SoftTokenClientException(
          SoftTokenClientException.STORE_ERROR, "Cannot read " + sidecar(store) + ".", e);
    }
    if (!FORMAT.equals(metadata.format())) {
      throw SoftTokenClientException.local(
          SoftTokenClientException.STORE_ERROR, "Unknown store format " + metadata.format() + ".");
    }
    KeyStore keyStore;
    Key key;
    Certificate[] chain;
    try (InputStream in = Files.newInputStream(store)) {
      keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(in, pin);
      key = keyStore.getKey(ALIAS, pin);
      chain = keyStore.getCertificateChain(ALIAS);
    } catch (IOException | GeneralSecurityException e) {
      throw new SoftTokenClientException(
          SoftTokenClientException.STORE_ERROR, "Wrong PIN or damaged store " + store + ".", e);
    }
    if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
      throw SoftTokenClientException.local(
          SoftTokenClientException.STORE_ERROR, "The store has no device key entry.");
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (Certificate c : chain) {
      certificates.add((X509Certificate) c);
    }
    if (!Certificates.serialHex(certificates.get(0)).equals(metadata.serialNumber())) {
      throw SoftTokenClientException.local(
          SoftTokenClientException.STORE_ERROR,
          "The sidecar does not belong to the certificate in " + store + ".");
    }
    return new Contents(metadata, privateKey, List.copyOf(certificates));
  }

  /**
   * Deletes both files (after revocation, for example).
   *
   * @param store the PKCS#12 path
   * @throws SoftTokenClientException {@code store_error}
   */
  public static void delete(Path store) throws SoftTokenClientException {
    try {
      Files.deleteIfExists(store);
      Files.deleteIfExists(sidecar(store));
    } catch (IOException e) {
      throw new SoftTokenClientException(
          SoftTokenClientException.STORE_ERROR, "Cannot delete " + store + ".", e);
    }
  }

  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private static void writeAtomically(Path target, Writer writer) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".gfmis-softtoken", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: keep the default permissions.
      }
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.write(out);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
