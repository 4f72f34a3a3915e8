package org.crater.web.compat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.util.Set;

/**
 * Reads v0.1.0 request bodies: binds them leniently ({@link CompatJson}), then checks their Bean
 * Validation constraints, so a bad body is the same 400 with per-field errors as on the native API.
 */
@ApplicationScoped
public class CompatBodies {

  @Inject private Validator validator;

  public <T> T read(InputStream body, Class<T> type) {
    T value = CompatJson.parse(body, type);
    Set<ConstraintViolation<T>> violations = validator.validate(value);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return value;
  }
}
