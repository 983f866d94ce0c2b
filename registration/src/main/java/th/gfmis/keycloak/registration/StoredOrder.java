package th.gfmis.keycloak.registration;

/** An assignment order as kept: its description and its bytes. */
public record StoredOrder(OrderFile file, byte[] content) {}
