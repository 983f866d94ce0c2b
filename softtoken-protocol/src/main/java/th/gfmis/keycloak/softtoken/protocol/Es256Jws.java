package th.gfmis.keycloak.softtoken.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Iterator;
import java.util.Set;
import org.keycloak.crypto.Algorithm;
import org.keycloak.crypto.JavaAlgorithm;
import org.keycloak.crypto.SignatureSignerContext;
import org.keycloak.jose.jws.JWSBuilder;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;

/**
 * Compact JWS with ES256 only. Keycloak's {@link JWSBuilder} and {@link JWSInput} make and read the
 * JWS; the signature itself is made and checked by {@link Es256Signatures} (BouncyCastle, for
 * speed), verification only after this class's own strict checks:
 *
 * <ul>
 *   <li>exactly three dot-separated parts, each canonical base64url without padding;
 *   <li>the header is a JSON object with exactly the members {@code alg}, {@code typ}, {@code kid}
 *       (all strings), no duplicates; {@code alg} is exactly {@code ES256} (so {@code none}, HMAC,
 *       RSA and every other algorithm are refused before any key is looked at); {@code typ} is the
 *       one the endpoint expects; {@code kid} is a certificate serial in lowercase hex;
 *   <li>the signature is exactly 64 bytes, JOSE R||S.
 * </ul>
 */
public final class Es256Jws {

  /** Longest compact JWS accepted. */
  public static final int MAX_LENGTH = 8192;

  private static final Set<String> HEADER_MEMBERS = Set.of("alg", "typ", "kid");

  private Es256Jws() {}

  /**
   * Signs a payload.
   *
   * @param typ the {@code typ} header
   * @param kid the {@code kid} header (device certificate serial, lowercase hex)
   * @param payload the payload bytes (UTF-8 JSON)
   * @param key the device's P-256 private key
   * @return the compact JWS
   */
  public static String sign(String typ, String kid, byte[] payload, PrivateKey key) {
    DeviceKeys.requireP256Private(key);
    if (!Certificates.isSerialHex(kid)) {
      throw new IllegalArgumentException("kid must be a certificate serial in lowercase hex");
    }
    try {
      return new JWSBuilder().type(typ).kid(kid).content(payload).sign(new Signer(kid, key));
    } catch (org.keycloak.crypto.SignatureException e) {
      throw new IllegalStateException("cannot sign", e);
    }
  }

  /** Keycloak's JWS builder with the signature of {@link Es256Signatures}. */
  private record Signer(String kid, PrivateKey key) implements SignatureSignerContext {

    @Override
    public String getKid() {
      return kid;
    }

    @Override
    public String getAlgorithm() {
      return Algorithm.ES256;
    }

    @Override
    public String getHashAlgorithm() {
      return JavaAlgorithm.SHA256;
    }

    @Override
    public byte[] sign(byte[] data) throws org.keycloak.crypto.SignatureException {
      try {
        return Es256Signatures.sign(key, data);
      } catch (GeneralSecurityException e) {
        throw new org.keycloak.crypto.SignatureException("cannot sign", e);
      }
    }
  }

  /**
   * Signs a message record as JSON.
   *
   * @param typ the {@code typ} header
   * @param kid the {@code kid} header
   * @param claims the payload record
   * @param key the device's P-256 private key
   * @return the compact JWS
   */
  public static String signJson(String typ, String kid, Object claims, PrivateKey key) {
    return sign(typ, kid, SoftTokenJson.writeBytes(claims), key);
  }

  /**
   * Parses strictly (see the class comment). The signature is not yet verified: call {@link
   * Parsed#verify(PublicKey)} with the key of the certificate {@link Parsed#kid()} names.
   *
   * @param compact the compact JWS
   * @param expectedTyp the {@code typ} this endpoint accepts
   * @return the parsed JWS
   * @throws SoftTokenProtocolException {@code unsupported_algorithm} when alg is not ES256; {@code
   *     invalid_signature} when the signature part is not 64 bytes; {@code invalid_request} for
   *     every other defect
   */
  public static Parsed parse(String compact, String expectedTyp) throws SoftTokenProtocolException {
    if (compact == null || compact.isEmpty()) {
      throw Checks.invalid("Missing JWS.");
    }
    if (compact.length() > MAX_LENGTH) {
      throw Checks.invalid("JWS too long.");
    }
    String[] parts = compact.split("\\.", -1);
    if (parts.length != 3) {
      throw Checks.invalid("A compact JWS has exactly three parts.");
    }
    JsonNode header = parseHeader(parts[0]);
    JsonNode alg = header.get("alg");
    if (alg == null || !alg.isTextual() || !SoftTokenProtocol.JWS_ALGORITHM.equals(alg.asText())) {
      throw new SoftTokenProtocolException(
          SoftTokenError.UNSUPPORTED_ALGORITHM, "The JWS algorithm must be ES256.");
    }
    Iterator<String> names = header.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!HEADER_MEMBERS.contains(name)) {
        throw Checks.invalid("Unexpected JWS header member " + name + ".");
      }
    }
    JsonNode typ = header.get("typ");
    if (typ == null || !typ.isTextual() || !typ.asText().equals(expectedTyp)) {
      throw Checks.invalid("The JWS typ must be " + expectedTyp + ".");
    }
    JsonNode kid = header.get("kid");
    if (kid == null || !kid.isTextual() || !Certificates.isSerialHex(kid.asText())) {
      throw Checks.invalid("The JWS kid must be the certificate serial in lowercase hex.");
    }
    if (!Base64Urls.isBase64Url(parts[1])) {
      throw Checks.invalid("The JWS payload is not base64url.");
    }
    byte[] signature;
    try {
      Base64Urls.decode(parts[1]);
      signature = Base64Urls.decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw Checks.invalid("The JWS payload or signature is not canonical base64url.");
    }
    if (signature.length != SoftTokenProtocol.ES256_SIGNATURE_LENGTH) {
      throw new SoftTokenProtocolException(
          SoftTokenError.INVALID_SIGNATURE, "An ES256 signature is 64 bytes (R||S).");
    }
    JWSInput input;
    try {
      input = new JWSInput(compact);
    } catch (JWSInputException e) {
      throw Checks.invalid("Malformed JWS.");
    }
    if (!SoftTokenProtocol.JWS_ALGORITHM.equals(input.getHeader().getRawAlgorithm())) {
      throw new SoftTokenProtocolException(
          SoftTokenError.UNSUPPORTED_ALGORITHM, "The JWS algorithm must be ES256.");
    }
    return new Parsed(kid.asText(), expectedTyp, input);
  }

  private static JsonNode parseHeader(String encoded) throws SoftTokenProtocolException {
    byte[] bytes;
    try {
      bytes = Base64Urls.decode(encoded);
    } catch (IllegalArgumentException e) {
      throw Checks.invalid("The JWS header is not canonical base64url.");
    }
    JsonNode header;
    try {
      header = SoftTokenJson.mapper().readTree(bytes);
    } catch (IOException e) {
      throw Checks.invalid("The JWS header is not JSON.");
    }
    if (header == null || !header.isObject()) {
      throw Checks.invalid("The JWS header is not a JSON object.");
    }
    return header;
  }

  /** A strictly parsed, not yet verified, JWS. */
  public static final class Parsed {
    private final String kid;
    private final String typ;
    private final JWSInput input;

    private Parsed(String kid, String typ, JWSInput input) {
      this.kid = kid;
      this.typ = typ;
      this.input = input;
    }

    /**
     * The {@code kid}: the device certificate serial, lowercase hex.
     *
     * @return the kid
     */
    public String kid() {
      return kid;
    }

    /**
     * The {@code typ}.
     *
     * @return the typ
     */
    public String typ() {
      return typ;
    }

    /**
     * The raw payload bytes.
     *
     * @return a copy of the payload
     */
    public byte[] payload() {
      return input.getContent().clone();
    }

    /**
     * Verifies the signature with a device key (must be EC P-256).
     *
     * @param key the public key of the certificate {@link #kid()} names
     * @throws SoftTokenProtocolException {@code invalid_signature}, or {@code unsupported_key}
     */
    public void verify(PublicKey key) throws SoftTokenProtocolException {
      ECPublicKey ecKey = DeviceKeys.requireP256(key);
      boolean valid;
      try {
        valid =
            Es256Signatures.verify(
                ecKey,
                input.getEncodedSignatureInput().getBytes(StandardCharsets.US_ASCII),
                input.getSignature());
      } catch (GeneralSecurityException | RuntimeException e) {
        valid = false;
      }
      if (!valid) {
        throw new SoftTokenProtocolException(
            SoftTokenError.INVALID_SIGNATURE,
            "The signature does not verify with the device certificate's key.");
      }
    }

    /**
     * Parses the payload as a message record (strict JSON, see {@link SoftTokenJson}).
     *
     * @param type the record
     * @param <T> its type
     * @return the claims
     * @throws SoftTokenProtocolException {@code invalid_request}
     */
    public <T> T claims(Class<T> type) throws SoftTokenProtocolException {
      return SoftTokenJson.read(input.getContent(), type);
    }
  }
}
