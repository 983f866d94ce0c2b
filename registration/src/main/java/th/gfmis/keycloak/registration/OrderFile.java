package th.gfmis.keycloak.registration;

/**
 * What is kept about an assignment-order file besides its bytes.
 *
 * @param filename the name the holder's browser gave, cleaned for display (no path)
 * @param contentType the type detected from the content: {@code application/pdf}, {@code
 *     image/jpeg} or {@code image/png}
 * @param size its length in bytes
 * @param sha256 its SHA-256, lower-case hex
 */
public record OrderFile(String filename, String contentType, long size, String sha256) {}
