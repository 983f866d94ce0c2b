package th.gfmis.keycloak.softtoken.server.credential;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.keycloak.credential.CredentialModel;
import org.keycloak.util.JsonSerialization;
import th.gfmis.keycloak.core.state.NodeMemo;
import th.gfmis.keycloak.softtoken.protocol.Certificates;
import th.gfmis.keycloak.softtoken.protocol.IsoInstant;
import th.gfmis.keycloak.softtoken.protocol.SoftTokenProtocolException;

/**
 * A user's Soft Token device: credential type {@value #TYPE}, user label = device name, credential
 * data = {@link SoftTokenCredentialData}. No secret is stored: the device's private key never
 * leaves the phone.
 */
public class SoftTokenCredentialModel extends CredentialModel {

  /** Credential type (also the authenticator's reference category and the LoA acr name). */
  public static final String TYPE = "gfmis-softtoken";

  /** Parsed certificates by their stored text (a few thousand holders signing in at once). */
  private static final NodeMemo<String, X509Certificate> PARSED = new NodeMemo<>(4_096);

  private final SoftTokenCredentialData data;

  private SoftTokenCredentialModel(SoftTokenCredentialData data) {
    this.data = data;
  }

  /** A new credential for an issued certificate. */
  public static SoftTokenCredentialModel create(
      X509Certificate certificate, String deviceName, Instant enrolled) {
    return create(certificate, deviceName, enrolled, null);
  }

  /**
   * A new credential for an issued certificate, recording the server base URL the device enrolled
   * at (its device-auth {@code htu} base).
   */
  public static SoftTokenCredentialModel create(
      X509Certificate certificate, String deviceName, Instant enrolled, String server) {
    SoftTokenCredentialData data =
        new SoftTokenCredentialData(
            Certificates.serialHex(certificate),
            IsoInstant.format(certificate.getNotAfter().toInstant()),
            Certificates.toBase64(certificate),
            IsoInstant.format(enrolled),
            server,
            null);
    SoftTokenCredentialModel model = new SoftTokenCredentialModel(data);
    model.setType(TYPE);
    model.setUserLabel(deviceName);
    model.setCreatedDate(enrolled.toEpochMilli());
    model.setSecretData("{}");
    model.writeData();
    return model;
  }

  /**
   * The same credential (id, device name, enrollment time, server) with a renewed certificate: the
   * previous serial is no longer the current one, which revokes it.
   */
  public SoftTokenCredentialModel renewed(
      X509Certificate certificate, Instant now, String serverIfUnknown) {
    SoftTokenCredentialData renewedData =
        new SoftTokenCredentialData(
            Certificates.serialHex(certificate),
            IsoInstant.format(certificate.getNotAfter().toInstant()),
            Certificates.toBase64(certificate),
            data.enrolled(),
            data.server() == null ? serverIfUnknown : data.server(),
            IsoInstant.format(now));
    SoftTokenCredentialModel model = new SoftTokenCredentialModel(renewedData);
    model.setId(getId());
    model.setType(getType());
    model.setUserLabel(getUserLabel());
    model.setCreatedDate(getCreatedDate());
    model.setSecretData(getSecretData());
    model.setFederationLink(getFederationLink());
    model.writeData();
    return model;
  }

  private void writeData() {
    try {
      setCredentialData(JsonSerialization.writeValueAsString(data));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the Soft Token credential data", e);
    }
  }

  /** Reads a stored credential. */
  public static SoftTokenCredentialModel from(CredentialModel stored) {
    SoftTokenCredentialData data;
    try {
      data = JsonSerialization.readValue(stored.getCredentialData(), SoftTokenCredentialData.class);
    } catch (IOException | RuntimeException e) {
      data = new SoftTokenCredentialData(null, null, null, null, null, null);
    }
    SoftTokenCredentialModel model = new SoftTokenCredentialModel(data);
    model.setId(stored.getId());
    model.setType(stored.getType());
    model.setUserLabel(stored.getUserLabel());
    model.setCreatedDate(stored.getCreatedDate());
    model.setSecretData(stored.getSecretData());
    model.setCredentialData(stored.getCredentialData());
    model.setFederationLink(stored.getFederationLink());
    return model;
  }

  public SoftTokenCredentialData data() {
    return data;
  }

  public String serial() {
    return data.serial();
  }

  /** End of the certificate's validity, or null when the stored data is damaged. */
  public Instant notAfter() {
    try {
      return data.notAfter() == null ? null : IsoInstant.parse(data.notAfter());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The device certificate, or null when the stored data is damaged. Parsed once per node: every
   * device call and every Soft Token sign-in reads it, and the same parsed object also remembers
   * that its signature was checked against the CA key ({@code X509Certificate.verify}).
   */
  public X509Certificate certificate() {
    String encoded = data.certificate();
    if (encoded == null) {
      return null;
    }
    X509Certificate parsed = PARSED.get(encoded);
    if (parsed == null) {
      try {
        parsed = Certificates.fromBase64(encoded);
      } catch (SoftTokenProtocolException e) {
        return null;
      }
      PARSED.put(encoded, parsed);
    }
    return parsed;
  }
}
