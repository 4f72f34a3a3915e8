package org.crater.ejb.common;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Owns the application datasource and brings its schema to the current version before anything else
 * runs. Class, URL, user and password come from MicroProfile Config ({@code crater.db.*},
 * overridable by {@code CRATER_DB_*}), so the same build runs on the embedded H2 and on
 * MySQL/MariaDB. Beans that touch the database at start-up declare
 * {@code @DependsOn("SchemaMigration")}.
 *
 * <p>The pool checks a connection before handing it out ({@code SELECT COUNT(*) FROM DUAL}, which
 * H2 and MySQL both answer; unlike {@code Connection.isValid(0)} it is bounded by the socket
 * timeout) and replaces a dead one: after a database restart requests get fresh connections instead
 * of the dead ones. Waiting for a pooled connection, connecting and every read from the database
 * are bounded ({@code crater.db.pool-wait-ms}, {@code crater.db.connect-timeout-ms}, {@code
 * crater.db.socket-timeout-ms}; the last two apply to MySQL Connector/J, other drivers have no such
 * settings and ignore them): a request to a database that has stopped answering gets its 503 within
 * about twice the socket timeout (the check, then a new connection), one to a database that is gone
 * at once.
 *
 * <p>Times are written and read in UTC whatever the JVM's time zone (Connector/J's {@code
 * connectionTimeZone}, set through its older name {@code serverTimezone}: the data source has a
 * setter for that one only), so replicas in different zones agree.
 */
@DataSourceDefinition(
    name = SchemaMigration.DATASOURCE,
    className = "${MPCONFIG=crater.db.class}",
    url = "${MPCONFIG=crater.db.url}",
    user = "${MPCONFIG=crater.db.user}",
    password = "${MPCONFIG=crater.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=table",
      "fish.payara.validation-table-name=DUAL",
      "fish.payara.max-wait-time-in-millis=${MPCONFIG=crater.db.pool-wait-ms}",
      "connectTimeout=${MPCONFIG=crater.db.connect-timeout-ms}",
      "socketTimeout=${MPCONFIG=crater.db.socket-timeout-ms}",
      "serverTimezone=UTC"
    })
@Singleton
@Startup
public class SchemaMigration {

  public static final String DATASOURCE = "java:app/jdbc/crater";
  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = DATASOURCE)
  private DataSource dataSource;

  @Inject private Event<SchemaMigrated> migrated;

  private volatile String version;

  @PostConstruct
  void migrate() {
    MigrateResult result = flyway(dataSource).migrate();
    version =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion;
    LOG.info(
        () ->
            "migrated schema database="
                + result.database
                + " from="
                + result.initialSchemaVersion
                + " to="
                + version
                + " applied="
                + result.migrationsExecuted);
    migrated.fire(new SchemaMigrated(version, result.migrationsExecuted));
  }

  /** The Flyway configuration used at start-up; also used by the migration tests. */
  public static Flyway flyway(DataSource dataSource) {
    return Flyway.configure(SchemaMigration.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .javaMigrations(new AuditAppendOnly())
        .failOnMissingLocations(true)
        .load();
  }

  /** The schema version this instance migrated to, or {@code null} before start-up finished. */
  @Lock(LockType.READ)
  public String version() {
    return version;
  }
}
