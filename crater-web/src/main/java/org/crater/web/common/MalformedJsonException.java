package org.crater.web.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.BadRequestException;
import java.util.stream.Collectors;

/**
 * A request body that is not the JSON the resource expects: broken syntax, an unknown field, a
 * wrong type. Its message names the problem in user terms and never echoes Java class names.
 */
public class MalformedJsonException extends BadRequestException {

  private final String field;

  public MalformedJsonException(String field, String reason) {
    super(reason);
    this.field = field;
  }

  /** Translates a Jackson failure into a field and a reason a user can act on. */
  public static MalformedJsonException of(JsonProcessingException e) {
    if (e instanceof StreamReadException read && !(e instanceof MismatchedInputException)) {
      var at = read.getLocation();
      String what =
          String.valueOf(read.getOriginalMessage()).startsWith("Duplicate field")
              ? "The body names a field twice"
              : "The body is not valid JSON";
      return new MalformedJsonException(
          null,
          at == null
              ? what + "."
              : what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ").");
    }
    String field = e instanceof JsonMappingException m ? path(m) : null;
    return new MalformedJsonException(field, reason(e, field));
  }

  private static String reason(JsonProcessingException e, String field) {
    if (e instanceof UnrecognizedPropertyException) {
      return "Unknown field.";
    }
    if (e instanceof InvalidFormatException
        || (e instanceof MismatchedInputException && field != null)) {
      return "Wrong type or value.";
    }
    if (e instanceof MismatchedInputException) {
      return "The body is empty or not a JSON value of the expected shape.";
    }
    return "Invalid value.";
  }

  private static String path(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(
                ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    return path.isEmpty() ? null : path;
  }

  /** The path of the offending field, or {@code null} when the body as a whole is broken. */
  public String field() {
    return field;
  }
}
