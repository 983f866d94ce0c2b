package th.gfmis.keycloak.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * An ID token as the demo app received it from the token endpoint.
 *
 * <p>The signature is not checked: the app got the token straight from the token endpoint of the
 * provider it called itself, which OpenID Connect Core 1.0 (section 3.1.3.7) allows in place of
 * signature validation. Issuer, audience, nonce and expiry are checked.
 *
 * @param raw the compact JWT, kept for {@code id_token_hint} at sign-out
 * @param claims the decoded payload
 */
record IdToken(String raw, JsonNode claims) {

  static IdToken parse(String jwt, ObjectMapper json) throws OidcException {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      throw new OidcException("the ID token is not a signed JWT");
    }
    try {
      JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
      if (claims == null || !claims.isObject()) {
        throw new OidcException("the ID token payload is not a JSON object");
      }
      return new IdToken(jwt, claims);
    } catch (IllegalArgumentException | IOException e) {
      throw new OidcException("the ID token payload cannot be decoded", e);
    }
  }

  /** Checks the token was issued by {@code issuer} to {@code clientId} for this login. */
  void validate(String issuer, String clientId, String nonce, Instant now) throws OidcException {
    if (!issuer.equals(claims.path("iss").asText())) {
      throw new OidcException("the ID token comes from another issuer");
    }
    if (!audience().contains(clientId)) {
      throw new OidcException("the ID token is meant for another client");
    }
    if (!constantTimeEquals(nonce, claims.path("nonce").asText(""))) {
      throw new OidcException("the ID token belongs to another sign-in (nonce mismatch)");
    }
    if (!claims.path("exp").canConvertToLong()
        || claims.path("exp").asLong() <= now.getEpochSecond()) {
      throw new OidcException("the ID token has expired");
    }
  }

  /** A claim as text: arrays joined with ", ", absent claims empty. */
  String text(String name) {
    JsonNode value = claims.get(name);
    if (value == null || value.isNull()) {
      return "";
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(item -> items.add(item.asText()));
      return String.join(", ", items);
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  /** {@code auth_time}, when the user actually authenticated. */
  Optional<Instant> authTime() {
    JsonNode value = claims.get("auth_time");
    return value != null && value.canConvertToLong()
        ? Optional.of(Instant.ofEpochSecond(value.asLong()))
        : Optional.empty();
  }

  private List<String> audience() {
    JsonNode aud = claims.path("aud");
    List<String> audience = new ArrayList<>();
    if (aud.isArray()) {
      aud.forEach(item -> audience.add(item.asText()));
    } else if (aud.isTextual()) {
      audience.add(aud.asText());
    }
    return audience;
  }

  private static boolean constantTimeEquals(String expected, String actual) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }
}
