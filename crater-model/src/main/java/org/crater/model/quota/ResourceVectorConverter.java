package org.crater.model.quota;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.TreeMap;

/**
 * Stores a {@link ResourceVector} as text of canonical numbers, {@code
 * cpu=4000;memory=17179869184}, readable in SQL and identical on every database. An empty vector is
 * the empty string.
 */
@Converter(autoApply = true)
public class ResourceVectorConverter implements AttributeConverter<ResourceVector, String> {

  @Override
  public String convertToDatabaseColumn(ResourceVector vector) {
    if (vector == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    vector
        .amounts()
        .forEach(
            (name, amount) -> {
              if (text.length() > 0) {
                text.append(';');
              }
              text.append(name).append('=').append(amount);
            });
    return text.toString();
  }

  @Override
  public ResourceVector convertToEntityAttribute(String text) {
    TreeMap<String, Long> amounts = new TreeMap<>();
    if (text != null && !text.isBlank()) {
      for (String pair : text.split(";")) {
        int eq = pair.indexOf('=');
        amounts.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
      }
    }
    return new ResourceVector(amounts);
  }
}
