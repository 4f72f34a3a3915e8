package org.crater.web;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The deployments of the integration tests: always the crater.war the build produced. */
public final class CraterWar {

  private CraterWar() {}

  public static WebArchive asBuilt() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("crater.war", "target/crater.war")));
  }
}
