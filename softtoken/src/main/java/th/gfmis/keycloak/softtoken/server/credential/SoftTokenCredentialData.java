package th.gfmis.keycloak.softtoken.server.credential;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The credential data of a Soft Token device, as stored (JSON) in Keycloak's credential table and
 * shown in the admin console.
 *
 * @param serial the certificate serial, lowercase hex (the kid of the device's JWS)
 * @param notAfter end of the certificate's validity, ISO-8601 UTC
 * @param certificate the device certificate, DER, standard base64
 * @param enrolled when the device was enrolled, ISO-8601 UTC
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SoftTokenCredentialData(
    String serial, String notAfter, String certificate, String enrolled) {}
