package org.crater.ejb.common;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Answers whether the database answers, without a transaction and within a bounded time. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseProbe {

  private static final Logger LOG = Logger.getLogger(DatabaseProbe.class.getName());
  private static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = SchemaMigration.DATASOURCE)
  private DataSource dataSource;

  /** True when a pooled connection validates within two seconds. */
  public boolean answers() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(TIMEOUT_SECONDS);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "database did not answer state={0}", e.getSQLState());
      return false;
    }
  }
}
