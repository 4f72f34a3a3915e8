package org.crater.ejb.common;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Describes the running instance: build version and schema version. */
@Stateless
public class SystemService {

  private static final String VERSION = readVersion();

  @EJB private SchemaMigration schema;

  public SystemInfo info() {
    return new SystemInfo(VERSION, schema.version());
  }

  private static String readVersion() {
    try (InputStream in =
        SystemService.class.getResourceAsStream("/META-INF/crater-build.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
