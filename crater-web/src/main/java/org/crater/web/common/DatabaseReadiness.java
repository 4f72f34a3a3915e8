package org.crater.web.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.crater.ejb.common.DatabaseProbe;
import org.crater.ejb.common.SchemaMigrated;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the schema is migrated (announced by {@link SchemaMigrated}) and the database
 * answers now. A replica whose database is gone leaves the load balancer instead of failing
 * requests.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject private DatabaseProbe probe;

  private volatile String schemaVersion;

  void onMigrated(@Observes SchemaMigrated migrated) {
    schemaVersion = migrated.version();
  }

  @Override
  public HealthCheckResponse call() {
    String version = schemaVersion;
    boolean up = version != null && probe.answers();
    return HealthCheckResponse.named("database")
        .status(up)
        .withData("schemaVersion", version == null ? "pending" : version)
        .build();
  }
}
