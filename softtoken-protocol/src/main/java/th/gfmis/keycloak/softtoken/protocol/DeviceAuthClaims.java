package th.gfmis.keycloak.softtoken.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of the device-auth JWS (typ {@code gfmis-device-auth+jwt}).
 *
 * @param htm the HTTP method, upper case, e.g. {@code GET}
 * @param htu the full request URL without query and fragment
 * @param iat issued-at, seconds since the epoch
 * @param jti unique id, at least 16 random bytes base64url
 * @param csh only on {@code POST device/renew}: base64url (no padding) of SHA-256 of the DER CSR in
 *     the body, which binds the new key to this signature of the old one; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceAuthClaims(String htm, String htu, Long iat, String jti, String csh) {

  /**
   * Claims without {@code csh}, for every call but renewal.
   *
   * @param htm the HTTP method
   * @param htu the request URL
   * @param iat issued-at
   * @param jti unique id
   */
  public DeviceAuthClaims(String htm, String htu, Long iat, String jti) {
    this(htm, htu, iat, jti, null);
  }
}
