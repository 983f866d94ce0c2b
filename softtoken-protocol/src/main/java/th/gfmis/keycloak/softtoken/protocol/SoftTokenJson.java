package th.gfmis.keycloak.softtoken.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The protocol's JSON mapping: UTF-8, duplicate member names refused, no type coercion (a number
 * must be a JSON number), trailing content refused, unknown members ignored (so that later minor
 * versions may add members), null members omitted when writing.
 */
public final class SoftTokenJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private SoftTokenJson() {}

  /**
   * The configured mapper (thread-safe; do not reconfigure it).
   *
   * @return the mapper
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses a JSON document strictly.
   *
   * @param json UTF-8 JSON
   * @param type the message record
   * @param <T> the message type
   * @return the message, never null
   * @throws SoftTokenProtocolException {@code invalid_request} when the JSON is malformed or does
   *     not fit the type
   */
  public static <T> T read(byte[] json, Class<T> type) throws SoftTokenProtocolException {
    if (json == null || json.length == 0) {
      throw new SoftTokenProtocolException(SoftTokenError.INVALID_REQUEST, "Empty JSON body.");
    }
    try {
      T value = MAPPER.readValue(json, type);
      if (value == null) {
        throw new SoftTokenProtocolException(
            SoftTokenError.INVALID_REQUEST, "JSON body must be an object.");
      }
      return value;
    } catch (IOException e) {
      throw new SoftTokenProtocolException(
          SoftTokenError.INVALID_REQUEST, "Malformed JSON for " + type.getSimpleName() + ".", e);
    }
  }

  /**
   * Parses a JSON document strictly.
   *
   * @param json JSON text
   * @param type the message record
   * @param <T> the message type
   * @return the message, never null
   * @throws SoftTokenProtocolException {@code invalid_request} when malformed
   */
  public static <T> T read(String json, Class<T> type) throws SoftTokenProtocolException {
    return read(json == null ? null : json.getBytes(StandardCharsets.UTF_8), type);
  }

  /**
   * Writes a message as UTF-8 JSON.
   *
   * @param value the message
   * @return UTF-8 bytes
   */
  public static byte[] writeBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Writes a message as JSON text.
   *
   * @param value the message
   * @return JSON text
   */
  public static String write(Object value) {
    return new String(writeBytes(value), StandardCharsets.UTF_8);
  }
}
