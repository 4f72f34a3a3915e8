package org.crater.bench.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the code of every benchmark JMH knows of once, untimed, with small parameters, so a change
 * of the code they measure cannot leave a benchmark that no longer builds its state or fails.
 */
class EveryBenchmarkRunsOnceTest {

  /** Small values for the parameters that size a benchmark; other parameters take every value. */
  private static final Map<String, String> SMALL =
      Map.of("queued", "300", "users", "30", "nodes", "8");

  @Test
  void everyBenchmarkMethodRunsWithSmallParameters() throws Exception {
    Set<String> classes = benchmarkClasses();

    assertThat(classes)
        .contains(
            "org.crater.bench.micro.QuotaArithmeticBenchmark",
            "org.crater.bench.micro.DesiredObjectsBenchmark",
            "org.crater.bench.admission.AdmissionPassBenchmark");
    for (String name : classes) {
      runOnce(Class.forName(name));
    }
  }

  private static Set<String> benchmarkClasses() {
    Set<BenchmarkListEntry> entries =
        BenchmarkList.defaultList()
            .find(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                List.of(".*"),
                List.of());
    Set<String> classes = new TreeSet<>();
    entries.forEach(e -> classes.add(e.getUserClassQName()));
    return classes;
  }

  private static void runOnce(Class<?> type) throws Exception {
    List<Field> params =
        Arrays.stream(type.getFields()).filter(f -> f.isAnnotationPresent(Param.class)).toList();
    for (Map<String, String> values : combinations(params)) {
      Object benchmark = type.getDeclaredConstructor().newInstance();
      for (Field field : params) {
        set(field, benchmark, values.get(field.getName()));
      }
      for (Method method : annotated(type, Benchmark.class)) {
        for (Method setup : setups(type)) {
          setup.invoke(benchmark);
        }
        assertThat(method.invoke(benchmark)).as(method + " with " + values).isNotNull();
      }
    }
  }

  /** Every combination of the parameters' values, the small ones replacing the declared ones. */
  private static List<Map<String, String>> combinations(List<Field> params) {
    List<Map<String, String>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    for (Field field : params) {
      String small = SMALL.get(field.getName());
      String[] values =
          small != null ? new String[] {small} : field.getAnnotation(Param.class).value();
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> combo : combos) {
        for (String value : values) {
          Map<String, String> extended = new LinkedHashMap<>(combo);
          extended.put(field.getName(), value);
          next.add(extended);
        }
      }
      combos = next;
    }
    return combos;
  }

  private static void set(Field field, Object target, String value) throws IllegalAccessException {
    Class<?> type = field.getType();
    if (type == int.class) {
      field.setInt(target, Integer.parseInt(value));
    } else if (type == long.class) {
      field.setLong(target, Long.parseLong(value));
    } else if (type == String.class) {
      field.set(target, value);
    } else {
      throw new IllegalStateException("no conversion for @Param of type " + type);
    }
  }

  /** The setup methods, trial level first, so state exists before it is refreshed. */
  private static List<Method> setups(Class<?> type) {
    return annotated(type, Setup.class).stream()
        .sorted(Comparator.comparing(m -> m.getAnnotation(Setup.class).value()))
        .toList();
  }

  private static List<Method> annotated(
      Class<?> type, Class<? extends java.lang.annotation.Annotation> annotation) {
    return Arrays.stream(type.getMethods())
        .filter(m -> m.isAnnotationPresent(annotation))
        .sorted(Comparator.comparing(Method::getName))
        .toList();
  }
}
