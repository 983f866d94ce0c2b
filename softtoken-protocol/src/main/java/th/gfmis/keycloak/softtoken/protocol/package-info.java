/**
 * The open GFMIS Soft Token device protocol, version 1 ({@code docs/softtoken-protocol.md}).
 *
 * <p>Pure logic shared by the Keycloak server side and by devices: constants ({@link
 * SoftTokenProtocol}), error codes ({@link SoftTokenError}, {@link SoftTokenProtocolException}),
 * the activation URI ({@link ActivationUri}, {@link ActivationCodes}), JSON messages (records such
 * as {@link EnrollmentRequest}), PKCS#10 requests ({@link DeviceCsr}), the Soft Token CA ({@link
 * SoftTokenCa}), strict ES256 compact JWS ({@link Es256Jws}), device-authenticated requests ({@link
 * DeviceAuth}), challenge responses ({@link ChallengeResponses}) and number matching ({@link
 * NumberMatching}).
 *
 * <p>No HTTP and no Keycloak SPI: everything here runs on a Keycloak 26.7 server with only
 * keycloak-core, keycloak-common, BouncyCastle and Jackson, which that server ships.
 */
package th.gfmis.keycloak.softtoken.protocol;
