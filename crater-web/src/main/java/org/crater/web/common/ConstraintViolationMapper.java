package org.crater.web.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.crater.web.common.Problem.FieldError;

/**
 * A request that failed Bean Validation: 400 with one entry per rejected field, named as the
 * request names it.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Context private UriInfo uri;
  @Context private ResourceInfo resource;

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

  /**
   * The property path without the method and parameter nodes, e.g. {@code resources.gpu}; for a
   * rejected query, path or header parameter its name in the request, e.g. {@code size}; {@code
   * body} for the body as a whole.
   */
  private String field(ConstraintViolation<?> violation) {
    List<Path.Node> nodes =
        StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
    String field =
        nodes.stream()
            .filter(node -> node.getKind() != ElementKind.METHOD)
            .filter(node -> node.getKind() != ElementKind.PARAMETER)
            .map(ConstraintViolationMapper::name)
            .collect(Collectors.joining("."));
    if (!field.isEmpty()) {
      return field;
    }
    return nodes.stream()
        .filter(node -> node.getKind() == ElementKind.PARAMETER)
        .map(node -> requestName(node.as(Path.ParameterNode.class).getParameterIndex()))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse("body");
  }

  /** The name the request gives the resource method's parameter {@code index}, if it has one. */
  private String requestName(int index) {
    Method method = resource == null ? null : resource.getResourceMethod();
    if (method == null || index < 0 || index >= method.getParameterCount()) {
      return null;
    }
    for (Annotation annotation : method.getParameterAnnotations()[index]) {
      if (annotation instanceof QueryParam query) {
        return query.value();
      } else if (annotation instanceof PathParam path) {
        return path.value();
      } else if (annotation instanceof HeaderParam header) {
        return header.value();
      }
    }
    return null;
  }

  private static String name(Path.Node node) {
    return node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName();
  }
}
