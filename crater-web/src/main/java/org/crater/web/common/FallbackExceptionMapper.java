package org.crater.web.common;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything unexpected: logged once with an incident id, answered with a 500 that carries the same
 * id and nothing of the exception itself. A database that is gone or not answering is not a bug but
 * an outage: 503 {@code database-unavailable} with {@code Retry-After}, logged as a warning. A
 * write that lost a race with another request (a unique key taken, a referenced row changed, a
 * deadlock) is not a bug either: 409, see {@link DatabaseConflicts}.
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

  private static final String RETRY_AFTER_SECONDS = "5";

  @Context private UriInfo uri;

  @Override
  public Response toResponse(Throwable e) {
    Optional<Throwable> outage = DatabaseFailures.outageIn(e);
    if (outage.isPresent()) {
      return databaseUnavailable(outage.get());
    }
    Optional<DatabaseConflicts.Conflict> conflict = DatabaseConflicts.in(e);
    if (conflict.isPresent()) {
      LOG.fine(() -> "lost a race path=" + path() + " code=" + conflict.get().code());
      return ProblemResponses.of(uri, 409, conflict.get().code(), conflict.get().message());
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "failed request incident=" + incident + " path=" + path(), e);
    return ProblemResponses.of(
        uri,
        500,
        "internal-error",
        "Something went wrong on our side; quote incident " + incident + ".",
        incident,
        List.of());
  }

  private String path() {
    return uri == null ? "?" : uri.getRequestUri().getRawPath();
  }

  private Response databaseUnavailable(Throwable cause) {
    String path = path();
    String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
    LOG.warning(
        () ->
            "database unavailable path="
                + path
                + " cause="
                + cause.getClass().getSimpleName()
                + " sqlState="
                + state);
    return Response.fromResponse(
            ProblemResponses.of(
                uri, 503, "database-unavailable", "The database is not answering; retry shortly."))
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .build();
  }
}
