package org.crater.web.compat;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Crater v0.1.0 route: its errors leave as v0.1.0 error bodies with v0.1.0 codes (see
 * {@link CompatErrors}) instead of problem documents. On a class it binds every method; a method
 * may repeat it to change the members.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CompatApi {

  /** The OpenAPI tag of the v0.1.0 routes. */
  String TAG = "v0.1.0";

  /** What the v0.1.0 routes are, for the OpenAPI document. */
  String TAG_DESCRIPTION = "The Crater v0.1.0 routes, for the v0.1.0 web frontend";

  /**
   * Whether the route answers in the {@code {status, error, data}} envelope; the v0.1.0 login,
   * sign-up, refresh and health routes answer bare objects and bare errors.
   */
  boolean envelope() default true;

  /** The errorCode v0.1.0 gave a request body it could not bind on this route. */
  int badRequest() default CompatErrors.BAD_REQUEST;
}
