package org.crater.web.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * Reads and writes JSON with Jackson for the whole API. Its media types are exact, so it wins over
 * the wildcard JSON providers the server may register as well. Strict on input: an unknown
 * property, a wrong type or broken syntax is a {@link MalformedJsonException} naming the field,
 * never a 500; a fraction where a whole number belongs ({@code "replicas": 1.5}) is a wrong value,
 * never rounded. Dates are ISO-8601 strings; absent values are left out.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, ProblemResponses.PROBLEM_JSON})
@Produces({MediaType.APPLICATION_JSON, ProblemResponses.PROBLEM_JSON})
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private static final Set<Class<?>> RAW =
      Set.of(String.class, byte[].class, InputStream.class, Reader.class, File.class);

  private static boolean handles(Class<?> type) {
    return !RAW.contains(type) && !StreamingOutput.class.isAssignableFrom(type);
  }

  @Override
  public boolean isReadable(Class<?> type, Type generic, Annotation[] a, MediaType media) {
    return handles(type);
  }

  @Override
  public Object readFrom(
      Class<Object> type,
      Type generic,
      Annotation[] annotations,
      MediaType media,
      MultivaluedMap<String, String> headers,
      InputStream body)
      throws IOException {
    try {
      return MAPPER.readValue(body, MAPPER.constructType(generic));
    } catch (JsonProcessingException e) {
      throw rejected(e);
    }
  }

  /**
   * Why a body was not read: a body over the size bound (which Jackson may have wrapped) stays
   * itself, anything else is malformed JSON.
   */
  public static RuntimeException rejected(JsonProcessingException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLargeException tooLarge) {
        return tooLarge;
      }
    }
    return MalformedJsonException.of(e);
  }

  @Override
  public boolean isWriteable(Class<?> type, Type generic, Annotation[] a, MediaType media) {
    return handles(type);
  }

  @Override
  public void writeTo(
      Object value,
      Class<?> type,
      Type generic,
      Annotation[] annotations,
      MediaType media,
      MultivaluedMap<String, Object> headers,
      OutputStream out)
      throws IOException {
    MAPPER.writeValue(out, value);
  }
}
