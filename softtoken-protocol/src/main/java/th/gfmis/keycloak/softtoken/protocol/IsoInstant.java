package th.gfmis.keycloak.softtoken.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps in messages are ISO-8601 UTC strings with whole seconds, e.g. {@code
 * 2026-01-31T09:15:00Z}, whatever mapper writes the message (the annotations travel with the
 * records).
 */
public final class IsoInstant {

  private IsoInstant() {}

  /**
   * Formats an instant the protocol's way.
   *
   * @param instant the instant
   * @return e.g. {@code 2026-01-31T09:15:00Z}
   */
  public static String format(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /**
   * Parses an ISO-8601 UTC timestamp ({@code ...Z}).
   *
   * @param text the text
   * @return the instant
   * @throws DateTimeException when malformed
   */
  public static Instant parse(String text) {
    if (text == null || !text.endsWith("Z")) {
      throw new DateTimeException("timestamp must be ISO-8601 UTC ending in Z");
    }
    return Instant.parse(text);
  }

  /** Jackson serializer. */
  public static final class Serializer extends StdSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    /** Creates the serializer. */
    public Serializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(format(value));
    }
  }

  /** Jackson deserializer: only a JSON string in ISO-8601 UTC form. */
  public static final class Deserializer extends StdDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer. */
    public Deserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      String text = p.getText();
      try {
        return parse(text);
      } catch (DateTimeException e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not ISO-8601 UTC");
      }
    }
  }
}
