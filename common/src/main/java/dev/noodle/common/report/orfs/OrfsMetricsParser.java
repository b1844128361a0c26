package dev.noodle.common.report.orfs;

import dev.noodle.common.report.ParseOptions;
import dev.noodle.common.report.TimeUnits;
import dev.noodle.common.report.internal.Numbers;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads ORFS metrics JSON: one flat object of {@code stage__metric__sub} keys, such as
 * {@code metadata-base-ok.json} or {@code 6_report.json}.
 *
 * <p>Streams the JSON, so memory stays bounded; sees duplicate keys (the last value counts,
 * and the key is reported); keeps string values such as {@code "N/A"} as strings; keeps "no
 * limit" sentinels such as 1e30 and flags them. Times are converted to ps with the file's
 * {@code run__flow__platform__time_units}, else with {@link ParseOptions#timeUnit()}; when
 * neither is known the times are left out with a problem. Power values are taken as W, which
 * is what ORFS writes whatever {@code power_units} says.
 *
 * <p>Never throws for bad content, only for a failing reader. Thread-safe (stateless).
 */
public final class OrfsMetricsParser {
  private static final Pattern ORFS_KEY = Pattern.compile("\"[a-z][a-z0-9_]*__[a-z0-9_]+");

  private OrfsMetricsParser() {}

  /** Parses one metrics file. */
  public static OrfsMetrics parse(Reader reader, ParseOptions options) throws IOException {
    RawMetrics raw = RawMetrics.read(reader, options.maxChars());
    List<String> problems = new ArrayList<>(raw.problems);
    String unit = timeUnit(raw, options, problems);
    Double psPerUnit = unit == null ? null : TimeUnits.picosecondsPer(unit);
    Mapping mapping = new Mapping(psPerUnit, problems);
    raw.values.forEach(mapping::add);
    return new OrfsMetrics(raw.partial, problems, mapping.metrics(), mapping.sources(),
        raw.values, new ArrayList<>(raw.duplicates), sentinels(raw.values), mapping.missing(),
        psPerUnit == null ? null : unit, mapping.finalStage(), raw.entries, raw.duplicateValues);
  }

  /** True when the start of a file looks like ORFS metrics JSON. */
  public static boolean looksLike(String head) {
    String start = head.stripLeading();
    return start.startsWith("{") && ORFS_KEY.matcher(start).find();
  }

  private static String timeUnit(RawMetrics raw, ParseOptions options,
      List<String> problems) {
    Map<String, Object> values = raw.values;
    if (values.containsKey(OrfsKeys.TIME_UNIT_KEY)) {
      Object unit = values.get(OrfsKeys.TIME_UNIT_KEY);
      if (unit instanceof String text && TimeUnits.picosecondsPer(text) != null) {
        return text;
      }
      problems.add(OrfsKeys.TIME_UNIT_KEY + " is '" + unit
          + "', which is not a time unit; times are left out");
      return null;
    }
    if (raw.partial) {
      // The file's own unit key may be in the part not read; the caller's unit could differ.
      problems.add("The file was not read to its end and no " + OrfsKeys.TIME_UNIT_KEY
          + " was seen; times are left out");
      return null;
    }
    if (options.timeUnit() != null && TimeUnits.picosecondsPer(options.timeUnit()) != null) {
      return options.timeUnit();
    }
    return null;
  }

  private static List<String> sentinels(Map<String, Object> values) {
    List<String> keys = new ArrayList<>();
    values.forEach((key, value) -> {
      if (value instanceof Double d && Numbers.isSentinel(d)) {
        keys.add(key);
      } else if (value instanceof BigInteger b && Numbers.isSentinel(b.doubleValue())) {
        keys.add(key);
      }
    });
    return keys;
  }

  /** Turns raw keys into Noodle metrics, per stage and for the final stage. */
  private static final class Mapping {
    private final Double psPerUnit;
    private final List<String> problems;
    private final Map<String, Map<String, Object>> byStage = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> sourceByStage = new LinkedHashMap<>();
    private final Map<String, Set<String>> presentByStage = new LinkedHashMap<>();
    private boolean reportedUnit;

    Mapping(Double psPerUnit, List<String> problems) {
      this.psPerUnit = psPerUnit;
      this.problems = problems;
    }

    void add(String key, Object value) {
      OrfsKeys.Target target = OrfsKeys.targetOf(key);
      if (target == null) {
        return;
      }
      String stage = OrfsKeys.stageOf(key);
      // The stage counts as present even when its value cannot be used.
      Map<String, Object> metrics = byStage.computeIfAbsent(stage, s -> new LinkedHashMap<>());
      Map<String, String> sources = sourceByStage.computeIfAbsent(stage,
          s -> new LinkedHashMap<>());
      presentByStage.computeIfAbsent(stage, s -> new HashSet<>()).add(target.name());
      Object converted = convert(key, value, target.type());
      if (converted != null) {
        metrics.put(target.name(), converted);
        sources.put(target.name(), key);
      }
    }

    private Object convert(String key, Object value, OrfsKeys.Type type) {
      Double number = value instanceof Number n && !(value instanceof BigInteger)
          ? n.doubleValue() : null;
      if (number == null || number.isNaN()) {
        problems.add(key + " is " + describe(value) + ", not a number; it is left out");
        return null;
      }
      switch (type) {
        case TIME:
          if (psPerUnit == null) {
            if (!reportedUnit) {
              problems.add("The time unit is unknown (no " + OrfsKeys.TIME_UNIT_KEY
                  + " and none given); times such as " + key + " are left out");
              reportedUnit = true;
            }
            return null;
          }
          return Numbers.toPicoseconds(number, psPerUnit);
        case COUNT:
          if (number != Math.rint(number) || Numbers.isSentinel(number)) {
            problems.add(key + " is " + value + ", not a whole count; it is left out");
            return null;
          }
          return number.longValue();
        default:
          return number;
      }
    }

    private static String describe(Object value) {
      if (value instanceof String text) {
        return "the string '" + text + "'";
      }
      return value == null ? "null" : String.valueOf(value);
    }

    String finalStage() {
      String last = null;
      for (String stage : OrfsKeys.STAGES) {
        if (byStage.containsKey(stage)) {
          last = stage;
        }
      }
      return last;
    }

    Map<String, Object> metrics() {
      Map<String, Object> out = new LinkedHashMap<>();
      String last = finalStage();
      if (last != null) {
        out.putAll(byStage.get(last));
      }
      for (String stage : OrfsKeys.STAGES) {
        Map<String, Object> metrics = byStage.get(stage);
        if (metrics != null) {
          metrics.forEach((name, value) -> out.put("stages." + stage + "." + name, value));
        }
      }
      return out;
    }

    Map<String, String> sources() {
      Map<String, String> out = new LinkedHashMap<>();
      String last = finalStage();
      if (last != null) {
        out.putAll(sourceByStage.get(last));
      }
      for (String stage : OrfsKeys.STAGES) {
        Map<String, String> sources = sourceByStage.get(stage);
        if (sources != null) {
          sources.forEach((name, key) -> out.put("stages." + stage + "." + name, key));
        }
      }
      return out;
    }

    List<String> missing() {
      String last = finalStage();
      if (last == null) {
        return List.of();
      }
      Set<String> present = presentByStage.get(last);
      return OrfsKeys.EXPECTED.stream().filter(name -> !present.contains(name)).toList();
    }
  }
}
