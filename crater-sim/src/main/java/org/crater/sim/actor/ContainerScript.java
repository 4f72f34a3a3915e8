package org.crater.sim.actor;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crater.sim.api.Json;

/**
 * What the first container of a pod would do, read from its command and arguments: the total of its
 * {@code sleep N} steps (seconds, fractions allowed) and the code of its last {@code exit N}.
 *
 * @param runMs how long it runs, empty when the command sleeps nowhere
 * @param exitCode how it ends, empty when the command never exits explicitly
 */
record ContainerScript(OptionalLong runMs, OptionalInt exitCode) {

  private static final Pattern SLEEP = Pattern.compile("(?:^|[\\s;&|])sleep\\s+(\\d+(?:\\.\\d+)?)");
  private static final Pattern EXIT = Pattern.compile("(?:^|[\\s;&|])exit\\s+(\\d{1,3})");

  static ContainerScript of(JsonObject pod) {
    JsonArray containers = Json.arr(pod, "spec.containers");
    if (containers.isEmpty()) {
      return parse("");
    }
    JsonObject main = containers.get(0).getAsJsonObject();
    return parse(words(main, "command") + " " + words(main, "args"));
  }

  static ContainerScript parse(String line) {
    Matcher sleep = SLEEP.matcher(line);
    long ms = 0;
    boolean sleeps = false;
    while (sleep.find()) {
      ms += Math.round(Double.parseDouble(sleep.group(1)) * 1000);
      sleeps = true;
    }
    Matcher exit = EXIT.matcher(line);
    Integer code = null;
    while (exit.find()) {
      code = Integer.parseInt(exit.group(1)) & 0xff;
    }
    return new ContainerScript(
        sleeps ? OptionalLong.of(ms) : OptionalLong.empty(),
        code == null ? OptionalInt.empty() : OptionalInt.of(code));
  }

  private static String words(JsonObject container, String field) {
    StringBuilder out = new StringBuilder();
    if (container.has(field) && container.get(field).isJsonArray()) {
      for (JsonElement word : container.getAsJsonArray(field)) {
        out.append(word.getAsString()).append(' ');
      }
    }
    return out.toString();
  }
}
