package org.crater.model.job;

import jakarta.json.JsonObject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import java.util.Map;
import org.crater.model.common.JsonText;

/** The JSON-text column converters of {@link Job}'s lists and maps. */
public final class JobConverters {

  private JobConverters() {}

  /** A list of strings (command, args) as a JSON array. */
  @Converter
  public static class StringList implements AttributeConverter<List<String>, String> {
    @Override
    public String convertToDatabaseColumn(List<String> values) {
      return JsonText.ofList(values == null ? List.of() : values);
    }

    @Override
    public List<String> convertToEntityAttribute(String text) {
      return JsonText.toList(text);
    }
  }

  /** A map of strings (env) as a JSON object. */
  @Converter
  public static class StringMap implements AttributeConverter<Map<String, String>, String> {
    @Override
    public String convertToDatabaseColumn(Map<String, String> values) {
      return JsonText.ofMap(values == null ? Map.of() : values);
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String text) {
      return JsonText.toMap(text);
    }
  }

  /** Mounts as a JSON array of objects. */
  @Converter
  public static class Mounts implements AttributeConverter<List<JobMount>, String> {
    @Override
    public String convertToDatabaseColumn(List<JobMount> mounts) {
      return JsonText.ofObjects(
          (mounts == null ? List.<JobMount>of() : mounts)
              .stream()
                  .map(
                      m ->
                          JsonText.object()
                              .add("pvc", m.pvc())
                              .add("subPath", m.subPath() == null ? "" : m.subPath())
                              .add("mountPath", m.mountPath())
                              .add("readOnly", m.readOnly())
                              .build())
                  .toList());
    }

    @Override
    public List<JobMount> convertToEntityAttribute(String text) {
      return JsonText.toObjects(text).stream()
          .map(
              (JsonObject o) ->
                  new JobMount(
                      o.getString("pvc"),
                      o.getString("subPath", ""),
                      o.getString("mountPath"),
                      o.getBoolean("readOnly", false)))
          .toList();
    }
  }
}
