/**
 * Server side of the GFMIS Soft Token: the Keycloak providers that implement the device protocol of
 * {@code docs/softtoken-protocol.md} with the pure logic of {@code
 * th.gfmis.keycloak.softtoken.protocol}.
 */
package th.gfmis.keycloak.softtoken.server;
