package org.crater.web.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.crater.web.common.Problem.FieldError;

/** A request that failed Bean Validation: 400 with one entry per rejected field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Context private UriInfo uri;

  @Override
  public Response toResponse(ConstraintViolationException e) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(field(v), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return ProblemResponses.of(
        uri, 400, "validation-failed", "The request has invalid fields.", null, errors);
  }

  /** The property path without the method and parameter nodes, e.g. {@code resources.gpu}. */
  private static String field(ConstraintViolation<?> violation) {
    String field =
        StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
            .filter(node -> node.getKind() != ElementKind.METHOD)
            .filter(node -> node.getKind() != ElementKind.PARAMETER)
            .map(ConstraintViolationMapper::name)
            .collect(Collectors.joining("."));
    return field.isEmpty() ? "body" : field;
  }

  private static String name(Path.Node node) {
    return node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName();
  }
}
