/**
 * Holder registration (requirements R-R1…R-R5, R-S1…R-S5, R-P1…R-P4).
 *
 * <p>Layout:
 *
 * <ul>
 *   <li>this package: the registration as the rest of the bundle sees it ({@link
 *       th.gfmis.keycloak.registration.Registration}, its status and kind) and the store that keeps
 *       it ({@link th.gfmis.keycloak.registration.RegistrationStore}, SPI {@code
 *       gfmis-registration-store});
 *   <li>{@code store}: the JPA implementation of the store, its entities and Liquibase changelog;
 *   <li>{@code proofing}: identity proofing (SPI {@code gfmis-identity-proofing}), with ThaID as
 *       its implementation and the browser's return endpoint;
 *   <li>{@code order}: the checks an assignment-order file passes before it is kept;
 *   <li>{@code flow}: the steps of the registration flow (the realm's registration flow binding);
 *   <li>{@code decision}: what approving or rejecting a request does to the user.
 * </ul>
 */
package th.gfmis.keycloak.registration;
