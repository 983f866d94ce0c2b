package th.gfmis.keycloak.softtoken.server.credential;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStoragePrivateUtil;
import th.gfmis.keycloak.core.state.NodeMemo;
import th.gfmis.keycloak.softtoken.protocol.CertificateResolver;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenError;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;
import th.gfmis.keycloak.softtoken.server.ca.SoftTokenCaKeys;

/**
 * The users' devices: one current device per user (its {@link SoftTokenCredentialModel}), and an
 * index from certificate serial to user.
 *
 * <p>The index is the user attribute {@value #SERIALS_ATTRIBUTE}: every serial issued to the user
 * (the last {@value #MAX_REMEMBERED_SERIALS}). A certificate is <em>valid</em> only while it is the
 * serial of the user's current credential; a serial still in the index but no longer the current
 * credential was <em>revoked</em> (replaced by a new enrollment, cancelled from the app, removed in
 * the account or admin console: every path that deletes the credential revokes it, because nothing
 * else makes a certificate acceptable).
 */
public final class SoftTokenDevices {

  /** User attribute: serials issued to the user, newest last. */
  public static final String SERIALS_ATTRIBUTE = "gfmis.softtoken.serials";

  static final int MAX_REMEMBERED_SERIALS = 20;

  /**
   * Which user a serial was issued to, by realm id and serial. A serial is issued once, to one
   * user, so this never goes stale; it saves the attribute search (a database query that Keycloak's
   * user cache does not answer) on every device call. The user is still read and checked each time.
   */
  private static final NodeMemo<String, String> OWNERS = new NodeMemo<>(16_384);

  private final KeycloakSession session;
  private final RealmModel realm;

  public SoftTokenDevices(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
  }

  /** The user's current device, if any. */
  public static Optional<SoftTokenCredentialModel> current(UserModel user) {
    return user.credentialManager()
        .getStoredCredentialsByTypeStream(SoftTokenCredentialModel.TYPE)
        .map(SoftTokenCredentialModel::from)
        .findFirst();
  }

  /**
   * Records a newly issued certificate as the user's only device; every previous device of the user
   * is removed, which revokes its certificate (1 user : 1 device).
   */
  public SoftTokenCredentialModel enroll(
      UserModel user, X509Certificate certificate, String deviceName, Instant now) {
    return enroll(user, certificate, deviceName, now, null);
  }

  /**
   * {@link #enroll(UserModel, X509Certificate, String, Instant)}, recording the server base URL the
   * device enrolled at (its device-auth {@code htu} base).
   */
  public SoftTokenCredentialModel enroll(
      UserModel user, X509Certificate certificate, String deviceName, Instant now, String server) {
    List<CredentialModel> previous =
        user.credentialManager()
            .getStoredCredentialsByTypeStream(SoftTokenCredentialModel.TYPE)
            .collect(Collectors.toList());
    for (CredentialModel old : previous) {
      user.credentialManager().removeStoredCredentialById(old.getId());
    }
    SoftTokenCredentialModel model =
        SoftTokenCredentialModel.create(certificate, deviceName, now, server);
    CredentialModel stored = user.credentialManager().createStoredCredential(model);
    rememberSerial(user, model.serial());
    return SoftTokenCredentialModel.from(stored);
  }

  /**
   * Renewal: the same credential now holds {@code certificate}; the previous serial stays in the
   * index but is no longer current, so it answers {@code certificate_revoked}.
   *
   * @throws SoftTokenProtocolException {@code certificate_revoked} when {@code previousSerial} is
   *     no longer the user's current device
   */
  public SoftTokenCredentialModel renew(
      UserModel user,
      String previousSerial,
      X509Certificate certificate,
      Instant now,
      String serverIfUnknown)
      throws SoftTokenProtocolException {
    SoftTokenCredentialModel current =
        current(user)
            .filter(c -> previousSerial.equals(c.serial()))
            .orElseThrow(() -> error(SoftTokenError.CERTIFICATE_REVOKED));
    SoftTokenCredentialModel renewed = current.renewed(certificate, now, serverIfUnknown);
    user.credentialManager().updateStoredCredential(renewed);
    rememberSerial(user, renewed.serial());
    return renewed;
  }

  private static void rememberSerial(UserModel user, String serial) {
    List<String> serials = new ArrayList<>(user.getAttributeStream(SERIALS_ATTRIBUTE).toList());
    serials.add(serial);
    while (serials.size() > MAX_REMEMBERED_SERIALS) {
      serials.remove(0);
    }
    user.setAttribute(SERIALS_ATTRIBUTE, serials);
  }

  /** Removes the user's device whose serial is {@code serial} (revocation). */
  public boolean revoke(UserModel user, String serial) {
    Optional<SoftTokenCredentialModel> device = current(user);
    if (device.isPresent() && serial.equals(device.get().serial())) {
      return user.credentialManager().removeStoredCredentialById(device.get().getId());
    }
    return false;
  }

  /**
   * Finds a device by certificate serial.
   *
   * @param serial the kid
   * @return the user and their current device with that serial
   * @throws SoftTokenProtocolException {@code unknown_certificate} when no user of this realm was
   *     issued that serial; {@code certificate_revoked} when it is no longer the user's device
   */
  public Device find(String serial) throws SoftTokenProtocolException {
    String ownerKey = realm.getId() + ":" + serial;
    String rememberedOwner = OWNERS.get(ownerKey);
    if (rememberedOwner != null) {
      UserModel user = session.users().getUserById(realm, rememberedOwner);
      if (user != null && isIssuedTo(user, serial)) {
        return currentDevice(user, serial);
      }
      OWNERS.forget(ownerKey, rememberedOwner);
    }
    // Keycloak's own database, not session.users(): that one answers "nobody" when a store fails
    // (graceful degradation for user federation), and "unknown_certificate" tells a device that
    // its key is worthless; a database error must stay an error.
    String owner =
        UserStoragePrivateUtil.userLocalStorage(session)
            .searchForUserByUserAttributeStream(realm, SERIALS_ATTRIBUTE, serial)
            .findFirst()
            .map(UserModel::getId)
            .orElse(null);
    UserModel user = owner == null ? null : session.users().getUserById(realm, owner);
    if (user == null) {
      throw error(SoftTokenError.UNKNOWN_CERTIFICATE);
    }
    OWNERS.put(ownerKey, user.getId());
    return currentDevice(user, serial);
  }

  /**
   * The user's valid device with that serial.
   *
   * @throws SoftTokenProtocolException {@code certificate_revoked} when it is not (or no longer)
   *     the user's current device or the user is disabled
   */
  private Device currentDevice(UserModel user, String serial) throws SoftTokenProtocolException {
    Optional<SoftTokenCredentialModel> current = current(user);
    if (current.isEmpty() || !serial.equals(current.get().serial()) || !user.isEnabled()) {
      throw error(SoftTokenError.CERTIFICATE_REVOKED);
    }
    X509Certificate certificate = current.get().certificate();
    if (certificate == null) {
      throw error(SoftTokenError.UNKNOWN_CERTIFICATE);
    }
    new SoftTokenCaKeys(session, realm).verifyIssued(certificate);
    return new Device(user, current.get(), certificate);
  }

  /** A resolver for any device of this realm. */
  public CertificateResolver resolver() {
    return kid -> find(kid).certificate();
  }

  /**
   * A resolver that accepts only the current device of one user; any other certificate looks
   * unknown (the protocol does not tell a device that a challenge belongs to someone else). The
   * user is known, so no search by serial is needed: a serial that was never this user's is
   * unknown, one that was but is no longer current is revoked.
   */
  public CertificateResolver resolverFor(UserModel expected) {
    return kid -> {
      if (!isIssuedTo(expected, kid)) {
        throw error(SoftTokenError.UNKNOWN_CERTIFICATE);
      }
      return currentDevice(expected, kid).certificate();
    };
  }

  private static boolean isIssuedTo(UserModel user, String serial) {
    return user.getAttributeStream(SERIALS_ATTRIBUTE).anyMatch(serial::equals);
  }

  private static SoftTokenProtocolException error(SoftTokenError error) {
    return new SoftTokenProtocolException(error, error.defaultDescription());
  }

  /**
   * A user's valid device.
   *
   * @param user the user
   * @param credential the credential
   * @param certificate its certificate
   */
  public record Device(
      UserModel user, SoftTokenCredentialModel credential, X509Certificate certificate) {}
}
