package th.gfmis.keycloak.softtoken.protocol;

/**
 * Payload of the device-auth JWS (typ {@code gfmis-device-auth+jwt}).
 *
 * @param htm the HTTP method, upper case, e.g. {@code GET}
 * @param htu the full request URL without query and fragment
 * @param iat issued-at, seconds since the epoch
 * @param jti unique id, at least 16 random bytes base64url
 */
public record DeviceAuthClaims(String htm, String htu, Long iat, String jti) {}
