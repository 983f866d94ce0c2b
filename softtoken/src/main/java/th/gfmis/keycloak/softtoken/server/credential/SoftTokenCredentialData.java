package th.gfmis.keycloak.softtoken.server.credential;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The credential data of a Soft Token device, as stored (JSON) in Keycloak's credential table and
 * shown in the admin console.
 *
 * @param serial the certificate serial, lowercase hex (the kid of the device's JWS)
 * @param notAfter end of the certificate's validity, ISO-8601 UTC
 * @param certificate the device certificate, DER, standard base64
 * @param enrolled when the device was enrolled, ISO-8601 UTC
 * @param server the server base URL the device enrolled at, against which its device-auth {@code
 *     htu} is checked (null for devices enrolled before it was recorded)
 * @param renewed when the certificate was last renewed, ISO-8601 UTC, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SoftTokenCredentialData(
    String serial,
    String notAfter,
    String certificate,
    String enrolled,
    String server,
    String renewed) {}
