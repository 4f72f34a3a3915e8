package org.crater.web.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Cleans up the schemas Payara builds from {@code @Schema} annotations ({@code mp.openapi.filter}).
 * Payara copies every attribute of the annotation into the document, defaults included, so each
 * annotated schema claimed {@code maxProperties: 0} (no property allowed: no body could be valid),
 * {@code minLength: 0}, and {@code exclusiveMaximum: false} without a {@code maximum} (invalid in
 * OpenAPI 3.0). An attribute left at its annotation default says nothing and is removed; an example
 * written as text for a number, boolean, object or array becomes the JSON value it spells.
 */
public class OpenApiCleanup implements OASFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Schema.SchemaType> NOT_TEXT =
      Set.of(
          Schema.SchemaType.INTEGER,
          Schema.SchemaType.NUMBER,
          Schema.SchemaType.BOOLEAN,
          Schema.SchemaType.OBJECT,
          Schema.SchemaType.ARRAY);

  @Override
  public Schema filterSchema(Schema schema) {
    if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
      schema.setExclusiveMaximum(null);
    }
    if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
      schema.setExclusiveMinimum(null);
    }
    if (Boolean.FALSE.equals(schema.getUniqueItems())) {
      schema.setUniqueItems(null);
    }
    if (Boolean.FALSE.equals(schema.getNullable())) {
      schema.setNullable(null);
    }
    if (Boolean.FALSE.equals(schema.getReadOnly())) {
      schema.setReadOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getWriteOnly())) {
      schema.setWriteOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getDeprecated())) {
      schema.setDeprecated(null);
    }
    clearZeroCounts(schema);
    typeExample(schema);
    return schema;
  }

  /** Zero is the annotation's "unset" for these counts; a real zero maximum is never meant. */
  private static void clearZeroCounts(Schema schema) {
    if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
      schema.setMaxProperties(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinProperties())) {
      schema.setMinProperties(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinLength())) {
      schema.setMinLength(null);
    }
    if (Integer.valueOf(0).equals(schema.getMinItems())) {
      schema.setMinItems(null);
    }
    if (Integer.valueOf(Integer.MAX_VALUE).equals(schema.getMaxLength())) {
      schema.setMaxLength(null);
    }
    if (Integer.valueOf(Integer.MAX_VALUE).equals(schema.getMaxItems())) {
      schema.setMaxItems(null);
    }
  }

  private static void typeExample(Schema schema) {
    if (schema.getExample() instanceof String text && NOT_TEXT.contains(schema.getType())) {
      try {
        schema.setExample(JSON.readValue(text, Object.class));
      } catch (IOException e) {
        // not JSON: an example that no longer parses is better gone than wrong
        schema.setExample(null);
      }
    }
  }
}
