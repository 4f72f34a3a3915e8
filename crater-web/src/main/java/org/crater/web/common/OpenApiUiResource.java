package org.crater.web.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.crater.web.security.Public;

/**
 * Serves Swagger UI from its webjar, pointed at the server's {@code /openapi} document. Only plain
 * file names of the webjar's distribution folder are served.
 */
@Public
@Path("openapi-ui")
@ApplicationScoped
public class OpenApiUiResource {

  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "png", "image/png",
          "map", "application/json");
  private static final String INITIALIZER =
      "window.onload = function () {\n"
          + "  window.ui = SwaggerUIBundle({ url: '/openapi', dom_id: '#swagger-ui', deepLinking: true,\n"
          + "    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],\n"
          + "    plugins: [SwaggerUIBundle.plugins.DownloadUrl], layout: 'StandaloneLayout' });\n"
          + "};\n";

  private final String root = WEBJAR + webjarVersion() + "/";

  @GET
  public Response index(@Context UriInfo uri) {
    return Response.seeOther(uri.getBaseUriBuilder().path("openapi-ui/index.html").build()).build();
  }

  @GET
  @Path("{file}")
  public Response file(@PathParam("file") String file) {
    String type = FILE.matcher(file).matches() ? TYPES.get(extension(file)) : null;
    if (type == null) {
      throw new NotFoundException();
    }
    if (file.equals("swagger-initializer.js")) {
      return Response.ok(INITIALIZER.getBytes(StandardCharsets.UTF_8), type).build();
    }
    InputStream in = getClass().getClassLoader().getResourceAsStream(root + file);
    if (in == null) {
      throw new NotFoundException();
    }
    return Response.ok(in, type).header("Cache-Control", "max-age=3600").build();
  }

  private static String extension(String file) {
    return file.substring(file.lastIndexOf('.') + 1);
  }

  private static String webjarVersion() {
    String pom = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    try (InputStream in = OpenApiUiResource.class.getClassLoader().getResourceAsStream(pom)) {
      Properties properties = new Properties();
      if (in == null) {
        throw new IllegalStateException("swagger-ui webjar missing: " + pom);
      }
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
