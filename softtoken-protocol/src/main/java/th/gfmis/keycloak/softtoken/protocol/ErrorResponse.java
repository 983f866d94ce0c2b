package th.gfmis.keycloak.softtoken.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Error body of every refused request: {@code {"error":"<code>","error_description":"<text>"}}.
 *
 * @param error the code, see {@link SoftTokenError#code()}
 * @param errorDescription English text
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(
    @JsonProperty("error") String error,
    @JsonProperty("error_description") String errorDescription) {

  /**
   * The error body for an error with its default description.
   *
   * @param error the error
   * @return the body
   */
  public static ErrorResponse of(SoftTokenError error) {
    return new ErrorResponse(error.code(), error.defaultDescription());
  }
}
