package th.gfmis.keycloak.softtoken.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;

/**
 * Body of the 200 answer to {@code GET device} (state {@code active}) and {@code POST
 * device/revoke} (state {@code revoked}).
 *
 * @param username the user the device belongs to
 * @param deviceName the recorded device name
 * @param serialNumber the certificate serial, lowercase hex
 * @param notAfter end of the certificate's validity
 * @param state {@code active} or {@code revoked}
 * @param renewableFrom when {@code POST device/renew} is accepted from (state {@code active} only;
 *     absent from older servers)
 * @param webPushKey the server's VAPID public key (RFC 8292), an uncompressed P-256 point in
 *     base64url, when the server delivers Web Push (the {@code applicationServerKey} of a push
 *     subscription, §14.2); absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceStatus(
    String username,
    String deviceName,
    String serialNumber,
    @JsonSerialize(using = IsoInstant.Serializer.class)
        @JsonDeserialize(using = IsoInstant.Deserializer.class)
        Instant notAfter,
    String state,
    @JsonSerialize(using = IsoInstant.Serializer.class)
        @JsonDeserialize(using = IsoInstant.Deserializer.class)
        Instant renewableFrom,
    String webPushKey) {

  /**
   * A status without Web Push.
   *
   * @param username the user
   * @param deviceName the device name
   * @param serialNumber the serial
   * @param notAfter end of validity
   * @param state the state
   * @param renewableFrom when renewal is accepted from, or null
   */
  public DeviceStatus(
      String username,
      String deviceName,
      String serialNumber,
      Instant notAfter,
      String state,
      Instant renewableFrom) {
    this(username, deviceName, serialNumber, notAfter, state, renewableFrom, null);
  }

  /**
   * A status without a renewal time (a revoked device).
   *
   * @param username the user
   * @param deviceName the device name
   * @param serialNumber the serial
   * @param notAfter end of validity
   * @param state the state
   */
  public DeviceStatus(
      String username, String deviceName, String serialNumber, Instant notAfter, String state) {
    this(username, deviceName, serialNumber, notAfter, state, null, null);
  }
}
